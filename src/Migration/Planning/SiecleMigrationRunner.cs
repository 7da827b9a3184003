using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.Migration.Input;
using SupportBot.Migration.Progress;
using SupportBot.Migration.Reporting;
using SupportBot.Migration.Writing;

namespace SupportBot.Migration.Planning;

/// <summary>
/// The run command's work: read everything (a malformed file stops here, before any write), plan, write in batches,
/// report. With dry-run the database is only read, and not even created when it does not exist.
/// </summary>
internal sealed class SiecleMigrationRunner(IServiceProvider services, DirectoryDbContextFactory factory, IOptions<MigrationOptions> options,
    TimeProvider time)
{
    public async Task<MigrationReport> RunAsync(string siecleFolder, string comptesFile, bool dryRun, string reportFolder,
        ProgressDisplay display, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var report = new MigrationReport { DryRun = dryRun };
        var (eleves, responsables) = SiecleFolder.Find(siecleFolder);
        if (!File.Exists(comptesFile))
        {
            throw new MigrationInputException($"{comptesFile} : fichier introuvable (--comptes attend ComptesTeleservices.xml).", ExitCodes.UnsupportedInput);
        }

        var comptes = InputFile.OnDisk(comptesFile, Path.GetFileName(comptesFile));
        var phaseClock = Stopwatch.StartNew();
        string? phase = null;
        var gcBefore = TimeSpan.Zero;
        void Mark(string? next)
        {
            if (phase is not null)
            {
                using var process = Process.GetCurrentProcess();
                report.Phases.Add(new PhaseTime(phase, phaseClock.Elapsed.TotalSeconds, (GC.GetTotalPauseDuration() - gcBefore).TotalSeconds,
                    GC.GetTotalMemory(false) >> 20, process.PeakWorkingSet64 >> 20));
            }

            gcBefore = GC.GetTotalPauseDuration();

            phase = next;
            phaseClock.Restart();
        }

        var latency = GCSettings.LatencyMode;
        try
        {
            await display.RunAsync("Migration SIECLE", "enr.", async step =>
            {
                // Reading and planning mostly accumulate what the run keeps: full blocking collections would walk millions
                // of live records again and again; background ones run beside the work.
                GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
                Mark("lecture_exports");
                step.Stage("Lecture des exports SIECLE et des comptes téléservices", 0);
                var inputs = Read(new ExportsReader(report, options.Value.ReadingThreads, step.Report), eleves, responsables, comptes, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();

                // The parsed files are garbage now, spread among what the run keeps: one compacting collection (about a
                // second for a million accounts) leaves the planning a dense heap, which it then walks faster and grows
                // less (measured: rules 19 s -> 14 s, peak memory -250 MB at 1M).
                Compact();

                Mark("lecture_annuaire");
                step.Stage("Lecture de l'annuaire", 0);
                var existing = await LoadDirectoryAsync(dryRun, cancellationToken);
                Mark("regles");
                step.Stage("Application des règles", 0);
                var (plan, planner) = Plan(inputs, report, existing, Compact);

                // What the plan does not reference is garbage now (the legacy accounts, the dictionaries by key): compacted
                // away before SQLite's page cache and the writer's own dictionaries grow, it is not added to the run's peak.
                GCSettings.LatencyMode = latency;
                Compact();

                // Rule 1's near misses only add to the report: they are found on the other core while SQLite writes on this one.
                var duplicates = Task.Run(planner.ReportPossibleDuplicates, CancellationToken.None);
                if (!dryRun)
                {
                    Mark("ecriture");
                    step.Stage("Écriture dans l'annuaire (comptes)", plan.Accounts.Count);
                    await using var db = factory.CreateDbContext();
                    var settings = options.Value;
                    var writer = new DirectoryWriter(db, factory.Provider, time, settings.BatchSize, batches =>
                    {
                        if (batches == settings.TestKillAfterBatches)
                        {
                            Process.GetCurrentProcess().Kill();
                        }
                    }, () => { Mark("recreation_index"); step.Stage("Recréation des index de l'annuaire", 0); });
                    var resumed = await writer.WriteAsync(plan, existing, Fingerprint(eleves, responsables, comptesFile),
                        new SyncProgress(step.Report), cancellationToken);
                    await duplicates;
                    report.ResumedInterruptedRun = resumed;
                }

                await duplicates;
                Mark(null);
                return plan.Accounts.Count;
            });
        }
        finally
        {
            GCSettings.LatencyMode = latency;
        }

        report.Duration = clock.Elapsed;
        await ReportWriter.WriteAsync(report, reportFolder, cancellationToken);
        return report;
    }

    /// <summary>
    /// The inputs, held by this box only: this method's frame is gone once it returns, whereas a local of the run's
    /// state machine stays reachable from its frame in unoptimised (tier 0) code even once set to null.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Inputs Read(ExportsReader reader, IReadOnlyList<InputFile> eleves, IReadOnlyList<InputFile> responsables, InputFile comptes,
        CancellationToken cancellationToken)
    {
        var (siecle, legacy) = reader.Read(eleves, responsables, comptes, cancellationToken);
        return new Inputs { Siecle = siecle, Legacy = legacy };
    }

    /// <summary>
    /// The writer needs only the plan: what it does not reference (the legacy accounts, the SIECLE records of persons
    /// without an account, the dictionaries by UAJ:ID) goes as soon as the plan is made (about 450 MB at 1M accounts).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (MigrationPlan Plan, MigrationPlanner Planner) Plan(Inputs inputs, MigrationReport report, ExistingDirectory existing, Action grouped)
    {
        var planner = new MigrationPlanner(report, grouped);
        var plan = planner.Plan(inputs.Siecle!, inputs.Legacy!, existing);
        inputs.Siecle = null;
        inputs.Legacy = null;
        return (plan, planner);
    }

    /// <summary>
    /// A full compacting collection that also gives the freed memory back to the system: after a merely forced one the
    /// GC keeps the emptied regions for later (at 1M accounts the process stayed about 380 MB above its live data). Run
    /// after reading, when the planner has grouped the persons (the holders' index and the records of persons without
    /// an account are garbage then, and the links are still to come), and after planning. Measured at 1M accounts
    /// (bench/migration.sh, 2 cores): the one after grouping takes the run's peak from 1,592 MB to 1,369 MB for about
    /// half a second.
    /// </summary>
    private static void Compact()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private async Task<ExistingDirectory> LoadDirectoryAsync(bool dryRun, CancellationToken cancellationToken)
    {
        if (!dryRun)
        {
            await services.InitializeAccountDirectoryAsync(cancellationToken: cancellationToken);
        }
        else if (factory.Provider == DirectoryProvider.Sqlite && (factory.DataSourcePath is not { Length: > 0 } path || !File.Exists(path)))
        {
            // Opening a SQLite connection creates the file: a dry run against a directory that does not exist yet plans against an empty one.
            return new ExistingDirectory();
        }

        await using var db = factory.CreateDbContext();
        if (dryRun && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new MigrationInputException(
                "l'annuaire n'est pas à jour (migrations du schéma en attente) : un essai (--dry-run) ne le modifie pas ; lancez d'abord une migration réelle ou l'application.",
                ExitCodes.InvalidConfiguration);
        }

        return await ExistingDirectory.LoadAsync(db, cancellationToken);
    }

    private static string Fingerprint(IEnumerable<InputFile> eleves, IEnumerable<InputFile> responsables, string comptesFile)
    {
        var names = string.Join('\n', eleves.Concat(responsables).Select(f => f.DisplayName)) + "\n" + new FileInfo(comptesFile).Length;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(names)));
    }

    private sealed class Inputs
    {
        public SiecleData? Siecle { get; set; }

        public LegacyData? Legacy { get; set; }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the bar wants the value now.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
