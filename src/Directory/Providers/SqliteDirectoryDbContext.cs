using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SupportBot.AccountDirectory.Providers;

public sealed class SqliteDirectoryDbContext : DirectoryDbContext
{
    public SqliteDirectoryDbContext(DbContextOptions<SqliteDirectoryDbContext> options)
        : base(options)
    {
        // Every save in a transaction, even a single statement, so that the write gate sees it (SqliteWriteGateInterceptor).
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    // SQLite has no DateTimeOffset type, and EF cannot order or compare the TEXT it would store:
    // https://learn.microsoft.com/ef/core/providers/sqlite/limitations#query-limitations
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}
