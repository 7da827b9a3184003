using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Demo;
using SupportBot.AccountDirectory.Schools.Import;
using SupportBot.AccountDirectory.Sqlite;

namespace SupportBot.AccountDirectory;

public static partial class DirectoryInitializer
{
    /// <summary>
    /// Creates the SQLite folder, applies pending migrations (EF Core takes a lock, so two instances starting together
    /// are safe), switches SQLite to WAL so that readers never wait on the writer, loads the embedded annuaire extract
    /// into a directory without schools (<see cref="DirectoryOptions.ReferenceSchools"/>), and seeds the demo data as configured.
    /// </summary>
    public static async Task InitializeAccountDirectoryAsync(this IServiceProvider services, bool seedDemo = false,
        CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<DirectoryDbContextFactory>();
        var options = services.GetRequiredService<IOptions<DirectoryOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectoryInitializer).FullName!);
        if (factory.DataSourcePath is { Length: > 0 } path && path != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                System.IO.Directory.CreateDirectory(folder);
            }
        }

        await using (var db = factory.CreateDbContext())
        {
            if (factory.Provider == DirectoryProvider.Sqlite)
            {
                await RestoreDeferredIndexesAsync(db, logger, cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (factory.Provider == DirectoryProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        await using var scope = services.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var hasSchools = await scoped.Schools.AnyAsync(cancellationToken);
        var isEmpty = !hasSchools && !await scoped.Accounts.AnyAsync(cancellationToken);
        if (options.ReferenceSchools == ReferenceSchoolsMode.Auto && !hasSchools)
        {
            try
            {
                var loaded = await services.GetRequiredService<SchoolImporter>().ImportReferenceAsync(cancellationToken: cancellationToken);
                LogReferenceSchoolsLoaded(logger, loaded.FileName, loaded.Added, loaded.Closed, loaded.Skipped, loaded.Rejected.Count);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e, nameof(Schools.School.Uai)))
            {
                // Another program started on the same empty directory at the same moment and loaded them first (the
                // extract is written in one transaction).
                LogReferenceSchoolsLoadedElsewhere(logger);
            }
        }

        // Emptiness as it was before the reference schools: the demo still seeds the first run.
        var seed = seedDemo || options.DemoData == DemoDataMode.Always
            || (options.DemoData == DemoDataMode.Auto && factory.Provider == DirectoryProvider.Sqlite && isEmpty);
        if (seed)
        {
            var created = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
            LogSeeded(logger, created);
        }
    }

    /// <summary>
    /// A SIECLE migration killed while it had set the directory's secondary indexes aside (see <see cref="DeferredIndexes"/>)
    /// left them recorded: they are rebuilt before EF's migrations, which expect them, and before the service answers
    /// anyone (its unique indexes are what keeps identifiers and aliases unique).
    /// </summary>
    private static async Task RestoreDeferredIndexesAsync(DirectoryDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var restored = DeferredIndexes.Restore((SqliteConnection)db.Database.GetDbConnection());
            if (restored > 0)
            {
                LogIndexesRestored(logger, restored);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "{Restored} index(es) of the directory left aside by an interrupted SIECLE migration were rebuilt")]
    private static partial void LogIndexesRestored(ILogger logger, int restored);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Reference schools loaded from {File}: {Added} school(s) added ({Closed} of them closed), {Skipped} other establishment(s) skipped, {Rejected} row(s) rejected")]
    private static partial void LogReferenceSchoolsLoaded(ILogger logger, string file, int added, int closed, int skipped, int rejected);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Reference schools already loaded by another instance")]
    private static partial void LogReferenceSchoolsLoadedElsewhere(ILogger logger);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Demo data seeded: {Created} demo account(s) created")]
    private static partial void LogSeeded(ILogger logger, int created);
}
