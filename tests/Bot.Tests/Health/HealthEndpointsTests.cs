using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SupportBot.Bot.Tests.Health;

public sealed class HealthEndpointsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-bot-").FullName;

    [Fact]
    public async Task Health_DirectoryReachable_Returns200()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Data:Folder", _folder)
            .UseSetting("Directory:ConnectionString", $"Data Source={Path.Combine(_folder, "bot.db")}")
            .UseSetting("Directory:DemoData", "Never")
            .UseSetting("Mail:PickupDirectory", Path.Combine(_folder, "outbox")));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_DatabaseUnreachable_Returns503()
    {
        var unreachable = Path.Combine(_folder, "bot.db");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Data:Folder", _folder)
            .UseSetting("Directory:ConnectionString", $"Data Source={unreachable}")
            .UseSetting("Directory:DemoData", "Never")
            .UseSetting("Mail:PickupDirectory", Path.Combine(_folder, "outbox")));
        using var client = factory.CreateClient();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(unreachable);
        Directory.CreateDirectory(unreachable);

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }
}
