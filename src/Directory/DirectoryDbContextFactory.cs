using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Providers;
using SupportBot.AccountDirectory.Sqlite;

namespace SupportBot.AccountDirectory;

/// <summary>Creates the provider's context chosen by <see cref="DirectoryOptions.Provider"/>; options are built once.</summary>
public sealed class DirectoryDbContextFactory : IDbContextFactory<DirectoryDbContext>
{
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
                sqlite.UseSqlite(connectionString).AddInterceptors(new SqliteWriteGateInterceptor(SqliteWriteGate.For(DataSourcePath)));
                Configure(sqlite, loggerFactory);
                var sqliteOptions = sqlite.Options;
                _create = () => new SqliteDirectoryDbContext(sqliteOptions);
                break;
            case DirectoryProvider.SqlServer:
                var sqlServer = new DbContextOptionsBuilder<SqlServerDirectoryDbContext>();
                sqlServer.UseSqlServer(connectionString, o => o.EnableRetryOnFailure());
                Configure(sqlServer, loggerFactory);
                var sqlServerOptions = sqlServer.Options;
                _create = () => new SqlServerDirectoryDbContext(sqlServerOptions);
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
