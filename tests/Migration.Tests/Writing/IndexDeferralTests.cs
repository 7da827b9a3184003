using Microsoft.Data.Sqlite;
using SupportBot.AccountDirectory.Sqlite;
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
        var input = await harness.GenerateAsync(300, seed: 21);
        var fresh = await harness.DirectoryAsync();
        await fresh.ShutDownKeepingFilesAsync();
        var schema = SqliteSchema.Read(harness.DatabasePath);

        var run = await harness.RunAsync(input);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("recreation_index", Phases(harness));
        Assert.Equal(schema, SqliteSchema.Read(harness.DatabasePath));
        Assert.Contains(schema, s => s.StartsWith("index IX_Accounts_Identifier: CREATE UNIQUE INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectoryHoldsMoreThanTheRunWrites_IndexesStayInPlace()
    {
        await using var harness = new MigrationHarness();
        var input = await harness.GenerateAsync(300, seed: 22);
        await harness.RunAsync(input);
        var schema = SqliteSchema.Read(harness.DatabasePath);
        var accounts = (await harness.ExportAsync()).Length;
        var exports = new Exports();
        exports.For(College).Pupil("1", "KERVELLA", "Soizic").Person("10", "KERVELLA", "Gaïd", "0600000011", "gaid@example.org").Responsible("1", "10");
        exports.Account("1", "PERSONNEL", "gaid35", "gaid@example.org", true, [$"{College}:10"], [$"{College}:1:10"]);

        var run = await harness.RunAsync(harness.Write(exports, "small"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, harness.Summary().GetProperty("accountsCreated").GetInt32());
        Assert.DoesNotContain("recreation_index", Phases(harness));
        Assert.Equal(accounts + 1, (await harness.ExportAsync()).Length);
        Assert.Equal(schema, SqliteSchema.Read(harness.DatabasePath));
    }

    [Fact]
    public async Task UniqueIndexCannotBeRebuilt_RunStopsWithExitCode6NamingIndexAndRows()
    {
        await using var harness = new MigrationHarness();
        var input = await harness.GenerateAsync(50, seed: 23);
        await harness.RunAsync(input);
        var identifier = (await harness.AccountsAsync())[0]["identifiant"];
        string ids;
        using (var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            // What a bug, or a hand edit, could leave while the indexes were aside.
            connection.Open();
            DeferredIndexes.Drop(connection, ["Accounts"]);
            using var duplicate = connection.CreateCommand();
            duplicate.CommandText = "INSERT INTO Accounts (Identifier, Status, Origin, EmailConfirmed, CreatedAt) VALUES ($identifier, 'NonNotifie', 'MigrationSiecle', 0, 0)";
            duplicate.Parameters.AddWithValue("$identifier", identifier);
            duplicate.ExecuteNonQuery();
            duplicate.CommandText = "SELECT group_concat(Id, ', ') FROM (SELECT Id FROM Accounts WHERE Identifier = $identifier ORDER BY Id)";
            ids = (string)duplicate.ExecuteScalar()!;
        }

        var run = await harness.RunAsync(input);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("IX_Accounts_Identifier", run.Error, StringComparison.Ordinal);
        Assert.Contains($"lignes en double : Id {ids}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(identifier, run.Error, StringComparison.Ordinal);
        Assert.Contains(SqliteSchema.Read(harness.DatabasePath), s => s.StartsWith("table __DeferredIndexes:", StringComparison.Ordinal));
    }

    private static List<string> Phases(MigrationHarness harness) =>
        harness.Summary().GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()!).ToList();
}
