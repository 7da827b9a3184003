using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SupportBot.AccountDirectory.Providers;

public sealed class SqliteDirectoryDbContext(DbContextOptions<SqliteDirectoryDbContext> options) : DirectoryDbContext(options)
{
    // SQLite has no DateTimeOffset type, and EF cannot order or compare the TEXT it would store:
    // https://learn.microsoft.com/ef/core/providers/sqlite/limitations#query-limitations
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}
