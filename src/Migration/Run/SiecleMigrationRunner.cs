using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;
using SupportBot.Migration.Planning;
using SupportBot.Migration.Progress;
using SupportBot.Migration.Reporting;
using SupportBot.Migration.Rules;
using SupportBot.Migration.Writing;

namespace SupportBot.Migration.Run;

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
        var phases = new PhaseClock(report);
        var memory = new MemoryPolicy();
        try
        {
            await display.RunAsync("Migration SIECLE", "enr.", async step =>
            {
                memory.StartAccumulating();
                phases.Start("lecture_exports");
                step.Stage("Lecture des exports SIECLE et des comptes téléservices", 0);
                var inputs = Read(new ExportsReader(report, options.Value.ReadingThreads, step.Report), eleves, responsables, comptes, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                memory.Read();

                phases.Start("lecture_annuaire");
                step.Stage("Lecture de l'annuaire", 0);
                var existing = await LoadDirectoryAsync(dryRun, cancellationToken);
                phases.Start("regles");
                step.Stage("Application des règles", 0);
                var (plan, duplicates) = PlanFrom(inputs, report, existing, memory);
                memory.Planned();

                // Rule 1's near misses only add to the report: they are found on the other core while SQLite writes on this one.
                var nearMisses = Task.Run(duplicates.Report, CancellationToken.None);
                if (!dryRun)
                {
                    phases.Start("ecriture");
                    step.Stage("Écriture dans l'annuaire (comptes)", plan.Accounts.Count);
                    await using var db = factory.CreateDbContext();
                    var writer = new DirectoryWriter(db, factory.Provider, time, options.Value.BatchSize,
                        () => { phases.Start("recreation_index"); step.Stage("Recréation des index de l'annuaire", 0); });
                    var resumed = await writer.WriteAsync(plan, existing, Fingerprint(eleves, responsables, comptesFile),
                        new SyncProgress(step.Report), cancellationToken);
                    await nearMisses;
                    report.ResumedInterruptedRun = resumed;
                }

                await nearMisses;
                phases.Start(null);
                return plan.Accounts.Count;
            });
        }
        finally
        {
            memory.EndAccumulating();
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
    private static (MigrationPlan Plan, PossibleDuplicates Duplicates) PlanFrom(Inputs inputs, MigrationReport report, ExistingDirectory existing,
        MemoryPolicy memory)
    {
        var planned = new MigrationPlanner(report, memory).Plan(inputs.Siecle!, inputs.Legacy!, existing);
        inputs.Siecle = null;
        inputs.Legacy = null;
        return planned;
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

        return await ExistingDirectory.LoadAsync(db, Identity.Key, cancellationToken);
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
