using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;

namespace SupportBot.Bot.Workspace;

/// <summary>The directors' and the académie's workspace: <c>/directeur</c> and <c>/academie</c>.</summary>
internal static class WorkspaceEndpoints
{
    /// <summary>Asking a new link, or trying the académie's code: a few times per client address and 10 minutes.</summary>
    public const string LinkRateLimit = "espace-lien";
    private const int LinkRequestsPer10Minutes = 5;
    private const int MaxFormBytes = 16 * 1024;

    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddSingleton<WorkspaceLinkMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkspaceLinkMailer>());
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(LinkRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = LinkRequestsPer10Minutes, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWorkspace(this IEndpointRouteBuilder app) => app.MapDirectorWorkspace().MapAcademieWorkspace();

    /// <summary>The posted form, small and well-formed, or an empty one (the handlers then answer as for a missing field).</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentLength > MaxFormBytes)
        {
            return FormCollection.Empty;
        }

        try
        {
            return await request.ReadFormAsync(new FormOptions { ValueCountLimit = 16, ValueLengthLimit = MaxFormBytes, MultipartBodyLengthLimit = MaxFormBytes },
                cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return FormCollection.Empty;
        }
    }
}
