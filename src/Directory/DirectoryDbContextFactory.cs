using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Providers;
using SupportBot.AccountDirectory.Sqlite;

namespace SupportBot.AccountDirectory;

/// <summary>Creates the provider's context chosen by <see cref="DirectoryOptions.Provider"/>, from a pool; options are built once.</summary>
public sealed class DirectoryDbContextFactory : IDbContextFactory<DirectoryDbContext>
{
    // Contexts are reused (EF Core resets them when disposed): creating one per query costed more than the query itself
    // on the Direct Line path. https://learn.microsoft.com/ef/core/performance/advanced-performance-topics#dbcontext-pooling
    private const int PoolSize = 128;

    private readonly Func<DirectoryDbContext> _create;

    public DirectoryDbContextFactory(IOptions<DirectoryOptions> options, ILoggerFactory? loggerFactory = null)
    {
        var settings = options.Value;
        var connectionString = settings.EffectiveConnectionString;
        Provider = settings.Provider;
        switch (settings.Provider)
        {
            case DirectoryProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteDirectoryDbContext>();
                DataSourcePath = new SqliteConnectionStringBuilder(connectionString).DataSource;
                sqlite.UseSqlite(connectionString)
                    .AddInterceptors(new SqliteWriteGateInterceptor(SqliteWriteGate.For(DataSourcePath)), new SqliteSecureDeleteInterceptor());
                Configure(sqlite, loggerFactory);
                var sqlitePool = new PooledDbContextFactory<SqliteDirectoryDbContext>(sqlite.Options, PoolSize);
                _create = () =>
                {
                    var db = sqlitePool.CreateDbContext();

                    // Every save in a transaction, even a single statement, so that the write gate sees it.
                    db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
                    return db;
                };
                break;
            case DirectoryProvider.SqlServer:
                var sqlServer = new DbContextOptionsBuilder<SqlServerDirectoryDbContext>();
                sqlServer.UseSqlServer(connectionString, o => o.EnableRetryOnFailure());
                Configure(sqlServer, loggerFactory);
                var sqlServerPool = new PooledDbContextFactory<SqlServerDirectoryDbContext>(sqlServer.Options, PoolSize);
                _create = sqlServerPool.CreateDbContext;
                break;
            default:
                throw new InvalidOperationException($"Directory:Provider « {settings.Provider} » is not supported (Sqlite or SqlServer).");
        }
    }

    public DirectoryProvider Provider { get; }

    /// <summary>The SQLite file, for the embedded provider.</summary>
    public string? DataSourcePath { get; }

    public DirectoryDbContext CreateDbContext() => _create();

    private static void Configure(DbContextOptionsBuilder builder, ILoggerFactory? loggerFactory)
    {
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }
    }
}
