using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.AccountDirectory;

namespace SupportBot.Bot.Health;

/// <summary>Healthy when the directory's database answers.</summary>
internal sealed class DirectoryHealthCheck(DirectoryDbContextFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{factory.Provider} directory reachable")
            : HealthCheckResult.Unhealthy($"{factory.Provider} directory unreachable");
    }
}
