using SupportBot.Migration.Tests.Support;

namespace SupportBot.Migration.Tests.Writing;

/// <summary>
/// The secondary indexes of the tables a run fills are set aside while it writes, and rebuilt at its end, only when the
/// run at least doubles those tables (the one-off migration into a new directory).
/// </summary>
public sealed class IndexDeferralTests
{
    private const string College = "0350998Y";

    [Fact]
    public async Task RunIntoAnEmptyDirectory_IndexesRebuiltWithTheSchemaEfExpects()
    {
        await using var harness = new MigrationHarness();
        var generated = Path.Combine(harness.Folder, "gen");
        await harness.CliAsync("generate", "--accounts", "300", "--out", generated, "--seed", "21");
        var fresh = await harness.DirectoryAsync();
        await fresh.ShutDownKeepingFilesAsync();
        var schema = SqliteSchema.Read(harness.DatabasePath);

        var run = await harness.RunAsync((Path.Combine(generated, "siecle"), Path.Combine(generated, "ComptesTeleservices.xml")));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("index", Phases(harness));
        Assert.Equal(schema, SqliteSchema.Read(harness.DatabasePath));
        Assert.Contains(schema, s => s.StartsWith("index IX_Accounts_Identifier: CREATE UNIQUE INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectoryHoldsMoreThanTheRunWrites_IndexesStayInPlace()
    {
        await using var harness = new MigrationHarness();
        var generated = Path.Combine(harness.Folder, "gen");
        await harness.CliAsync("generate", "--accounts", "300", "--out", generated, "--seed", "22");
        await harness.RunAsync((Path.Combine(generated, "siecle"), Path.Combine(generated, "ComptesTeleservices.xml")));
        var schema = SqliteSchema.Read(harness.DatabasePath);
        var accounts = (await harness.ExportAsync()).Length;
        var exports = new Exports();
        exports.For(College).Pupil("1", "KERVELLA", "Soizic").Person("10", "KERVELLA", "Gaïd", "0600000011", "gaid@example.org").Responsible("1", "10");
        exports.Account("1", "PERSONNEL", "gaid35", "gaid@example.org", true, [$"{College}:10"], [$"{College}:1:10"]);

        var run = await harness.RunAsync(harness.Write(exports, "small"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, harness.Summary().GetProperty("accountsCreated").GetInt32());
        Assert.DoesNotContain("index", Phases(harness));
        Assert.Equal(accounts + 1, (await harness.ExportAsync()).Length);
        Assert.Equal(schema, SqliteSchema.Read(harness.DatabasePath));
    }

    private static List<string> Phases(MigrationHarness harness) =>
        harness.Summary().GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()!).ToList();
}
