using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SupportBot.AccountDirectory.Providers;

namespace SupportBot.AccountDirectory.Tests;

/// <summary>
/// SQL Server cannot run on these machines: the production path is proven by building the model with the SqlServer
/// provider and generating its migration script, which needs no server.
/// </summary>
public sealed class ProviderTests
{
    private const string UnreachableSqlServer = "Server=127.0.0.1,1;Database=SupportBot;User Id=sa;Password=x;TrustServerCertificate=True";

    [Fact]
    public void SqlServer_MigrationScript_CreatesTheDirectorysTablesAndUniqueIndexes()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Accounts]", script, StringComparison.Ordinal);
        Assert.Contains("[Identifier] varchar(64) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Accounts_Identifier] ON [Accounts] ([Identifier]);", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Persons_SiecleUai_SiecleId] ON [Persons] ([SiecleUai], [SiecleId]) WHERE [SiecleUai] IS NOT NULL AND [SiecleId] IS NOT NULL;", script, StringComparison.Ordinal);
        Assert.Contains("[ExpiresAt] datetimeoffset NOT NULL", script, StringComparison.Ordinal);
        foreach (var table in new[] { "Schools", "Pupils", "Persons", "PersonPupilLinks", "AccountAliases", "PasswordResetTokens", "DirectorCases" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SqlServer_Migrations_MatchTheModel()
    {
        using var db = SqlServer();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQL Server migration: dotnet run --project tools/DirectoryMigrations -- add <Name>");
    }

    [Fact]
    public void Sqlite_Migrations_MatchTheModel()
    {
        using var db = new SqliteDirectoryDbContext(new DbContextOptionsBuilder<SqliteDirectoryDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet run --project tools/DirectoryMigrations -- add <Name>");
    }

    [Fact]
    public void Sqlite_DateTimeOffsets_AreStoredAsSortableIntegers()
    {
        using var db = new SqliteDirectoryDbContext(new DbContextOptionsBuilder<SqliteDirectoryDbContext>().UseSqlite("Data Source=:memory:").Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("\"ExpiresAt\" INTEGER NOT NULL", script, StringComparison.Ordinal);
    }

    private static SqlServerDirectoryDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerDirectoryDbContext>().UseSqlServer(UnreachableSqlServer).Options);
}
