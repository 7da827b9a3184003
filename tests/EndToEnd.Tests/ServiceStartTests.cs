using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SupportBot.EndToEnd.Tests;

public sealed class ServiceStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-e2e-").FullName;

    [Fact]
    public async Task EmbeddedDefaults_ServeHealthAndTheHelpPageAndKeepDataAcrossARestart()
    {
        await using (var first = await BotProcess.StartAsync(_folder))
        {
            using var health = await first.Http.GetAsync("health", TestContext.Current.CancellationToken);
            var page = await first.Http.GetStringAsync("/", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Contains("<html lang=\"fr\" ", page, StringComparison.Ordinal);
            await first.StopAsync();
        }

        var database = Path.Combine(_folder, "data", "supportbot.db");
        Assert.True(File.Exists(database), "the embedded database is created under ./data/");
        SqliteFile.Execute(database, "UPDATE Accounts SET LastLoginAt = 42 WHERE Identifier = 'g.zoumn'");

        await using (var second = await BotProcess.StartAsync(_folder))
        {
            using var health = await second.Http.GetAsync("health", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.Equal("5", SqliteFile.Query(database, "SELECT COUNT(*) FROM Accounts"));
        // The embedded annuaire extract's 685 schools, loaded on the first start; the demo pupils are at Jean Moulin's.
        Assert.Equal("685", SqliteFile.Query(database, "SELECT COUNT(*) FROM Schools"));
        Assert.Equal("6", SqliteFile.Query(database, "SELECT COUNT(*) FROM Pupils p JOIN Schools s ON s.Id = p.SchoolId WHERE s.Uai = '0352207J'"));
        Assert.Equal("42", SqliteFile.Query(database, "SELECT LastLoginAt FROM Accounts WHERE Identifier = 'g.zoumn'"));
        Assert.Equal("v.durant1", SqliteFile.Query(database, "SELECT Identifier FROM Accounts WHERE Email = 'valery.durant@example.fr'"));
    }

    [Fact]
    public async Task SqlServerWithoutConnectionString_RefusesToStartNamingTheKey()
    {
        var output = new StringBuilder();
        using var process = BotProcess.Launch(_folder, new Dictionary<string, string> { ["Directory__Provider"] = "SqlServer" }, output);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Directory:ConnectionString", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMailMode_RefusesToStartNamingTheKey()
    {
        var output = new StringBuilder();
        using var process = BotProcess.Launch(_folder, new Dictionary<string, string> { ["Mail__Mode"] = "Pigeon" }, output);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Mode", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }
}
