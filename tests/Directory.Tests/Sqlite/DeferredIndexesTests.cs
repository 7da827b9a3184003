using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Sqlite;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Sqlite;

/// <summary>Indexes set aside by a bulk load that died before rebuilding them: the service's start-up rebuilds them.</summary>
public sealed class DeferredIndexesTests
{
    private static readonly string[] FilledTables = ["Accounts", "Persons", "Pupils", "PersonPupilLinks", "AccountAliases"];

    [Fact]
    public async Task IndexesLeftAside_RebuiltIdenticallyAtStartUp()
    {
        var directory = await TestDirectory.CreateAsync(seedDemo: true);
        var folder = await directory.ShutDownKeepingFilesAsync();
        var before = Schema(directory.DatabasePath);
        using (var connection = Open(directory.DatabasePath))
        {
            Assert.Contains("IX_Accounts_Identifier", DeferredIndexes.Drop(connection, FilledTables));
        }

        var aside = Schema(directory.DatabasePath);

        await using var restarted = await TestDirectory.CreateAsync(folder: folder);

        Assert.DoesNotContain(aside, i => i.Name == "IX_Accounts_Identifier");
        Assert.Contains(aside, i => i.Name == DeferredIndexes.Table);
        Assert.Equal(before, Schema(restarted.DatabasePath));
        await using var scope = restarted.Scope();
        var db = restarted.Get<DirectoryDbContext>(scope);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        db.Accounts.Add(new Account { Identifier = "v.durant1", Status = AccountStatus.NonNotifie, Origin = AccountOrigin.MigrationSiecle });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DuplicatesWrittenWhileAside_StartUpRefusesNamingTheIndexAndRows()
    {
        var directory = await TestDirectory.CreateAsync(seedDemo: true);
        var folder = await directory.ShutDownKeepingFilesAsync();
        string ids;
        using (var connection = Open(directory.DatabasePath))
        {
            DeferredIndexes.Drop(connection, FilledTables);
            using var duplicate = connection.CreateCommand();
            duplicate.CommandText = "INSERT INTO Accounts (Identifier, Status, Origin, EmailConfirmed, CreatedAt) VALUES ('g.zoumn', 'NonNotifie', 'MigrationSiecle', 0, 0)";
            duplicate.ExecuteNonQuery();
            duplicate.CommandText = "SELECT group_concat(Id, ', ') FROM (SELECT Id FROM Accounts WHERE Identifier = 'g.zoumn' ORDER BY Id)";
            ids = (string)duplicate.ExecuteScalar()!;
        }

        var error = await Assert.ThrowsAsync<DeferredIndexException>(() => TestDirectory.CreateAsync(folder: folder));

        Assert.Equal("IX_Accounts_Identifier", error.Index);
        Assert.Contains($"lignes en double : Id {ids}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("g.zoumn", error.Message, StringComparison.Ordinal);
        Assert.Contains("sauvegarde", error.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Contains(Schema(directory.DatabasePath), i => i.Name == DeferredIndexes.Table);
        Assert.DoesNotContain(Schema(directory.DatabasePath), i => i.Name == "IX_Accounts_Identifier");
        System.IO.Directory.Delete(folder, true);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<(string Name, string? Sql)> Schema(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master ORDER BY name";
        using var reader = command.ExecuteReader();
        var schema = new List<(string, string?)>();
        while (reader.Read())
        {
            schema.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return schema;
    }
}
