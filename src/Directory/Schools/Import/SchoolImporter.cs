using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Schools.Annuaire;

namespace SupportBot.AccountDirectory.Schools.Import;

/// <summary>
/// Loads an export of the Annuaire de l'éducation (any département's or académie's, or the national file) into the
/// directory's schools, by UAI: <see cref="ReadFile"/> reads and checks the whole file without touching the directory,
/// <see cref="ImportAsync(AnnuaireFile, bool, IProgress{SchoolImportProgress}?, CancellationToken)"/> writes it. The
/// rules are in <c>src/Directory/Schools/Import/RULES.md</c>.
/// </summary>
public sealed class SchoolImporter(DirectoryDbContextFactory factory, TimeProvider time)
{
    // One SaveChanges (one transaction) per batch: a national file's 45,000 schools in about fifty short transactions,
    // so that the service, writing to the same SQLite file, never waits long behind one of them.
    private const int BatchSize = 1000;

    private const int ProgressEveryRows = 1000;

    /// <summary>
    /// Reads and checks the file at <paramref name="path"/>, named as given in the messages (<c>path:line: reason</c>).
    /// Throws <see cref="AnnuaireFormatException"/> when it is not the annuaire's export (header, encoding), and the
    /// <see cref="IOException"/> family or <see cref="UnauthorizedAccessException"/> when it cannot be read.
    /// </summary>
    public AnnuaireFile ReadFile(string path, IProgress<SchoolImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new AnnuaireReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), path);
        return Read(reader, progress, () => stream.Position, stream.Length, cancellationToken);
    }

    /// <summary>Reads the extract embedded in SupportBot (<see cref="AnnuaireReader.ReferenceName"/>).</summary>
    public AnnuaireFile ReadReference()
    {
        using var reader = AnnuaireReader.OpenReference();
        return Read(reader, null, null, 0, CancellationToken.None);
    }

    public async Task<SchoolImportResult> ImportReferenceAsync(bool dryRun = false, CancellationToken cancellationToken = default) =>
        await ImportAsync(ReadReference(), dryRun, null, cancellationToken);

    /// <summary>
    /// Works out what <paramref name="file"/> changes against the directory's schools and, unless
    /// <paramref name="dryRun"/>, writes it in batches (one transaction each). A dry run against an embedded directory
    /// whose file does not exist yet compares with an empty one and creates nothing.
    /// </summary>
    public async Task<SchoolImportResult> ImportAsync(AnnuaireFile file, bool dryRun = false, IProgress<SchoolImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var plan = SchoolImportPlan.Make(file, await LoadSchoolsAsync(dryRun, cancellationToken));
        if (!dryRun)
        {
            await WriteAsync(plan.Writes, now, progress, cancellationToken);
        }

        return new SchoolImportResult
        {
            FileName = file.FileName,
            DryRun = dryRun,
            Rows = file.Rows,
            Added = plan.Added,
            Updated = plan.Updated,
            Unchanged = plan.Unchanged,
            ClosedInFile = plan.ClosedInFile,
            ClosedMissing = plan.ClosedMissing,
            Reopened = plan.Reopened,
            Skipped = file.Skipped,
            Rejected = file.Rejected,
            Departements = [.. file.Departements.Order(StringComparer.Ordinal)],
            Duration = time.GetElapsedTime(started),
        };
    }

    private AnnuaireFile Read(AnnuaireReader reader, IProgress<SchoolImportProgress>? progress, Func<long>? position, long length,
        CancellationToken cancellationToken)
    {
        var limits = SchoolLimits.From(factory);
        var file = new AnnuaireFile(reader.FileName);
        foreach (var row in reader.Rows())
        {
            if (IsGarbled(row))
            {
                throw new AnnuaireFormatException($"{reader.FileName}:{row.Line}: le fichier n'est pas en UTF-8 (l'export de l'annuaire l'est) : "
                    + "réenregistrez-le en UTF-8 ou reprenez l'export d'origine.");
            }

            file.Add(row, limits);
            if (file.Rows % ProgressEveryRows == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new SchoolImportProgress(SchoolImportStage.Reading, position?.Invoke() ?? 0, length));
            }
        }

        progress?.Report(new SchoolImportProgress(SchoolImportStage.Reading, length, length));
        return file;
    }

    private async Task<List<School>> LoadSchoolsAsync(bool dryRun, CancellationToken cancellationToken)
    {
        // Opening a SQLite connection creates the file.
        if (dryRun && factory.Provider == DirectoryProvider.Sqlite && factory.DataSourcePath is { Length: > 0 } path && path != ":memory:"
            && !File.Exists(path))
        {
            return [];
        }

        await using var db = factory.CreateDbContext();
        return await db.Schools.AsNoTracking().ToListAsync(cancellationToken);
    }

    private async Task WriteAsync(IReadOnlyList<SchoolImportPlan.Write> writes, DateTimeOffset now, IProgress<SchoolImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        progress?.Report(new SchoolImportProgress(SchoolImportStage.Writing, 0, writes.Count));
        for (var start = 0; start < writes.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var db = factory.CreateDbContext();
            var end = Math.Min(writes.Count, start + BatchSize);
            for (var i = start; i < end; i++)
            {
                writes[i].Apply(db, now);
            }

            // SaveChanges is one transaction, retried as a whole by SQL Server's execution strategy.
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(new SchoolImportProgress(SchoolImportStage.Writing, end, writes.Count));
        }
    }

    // Bytes that are not UTF-8 are decoded as U+FFFD: a file re-saved in Latin-1 would otherwise be imported with « � »
    // in every accented name. Checked on the values read, so the line given is exact (a throwing decoder fails a whole
    // buffer ahead, and a byte-order mark replaces it with the lenient UTF-8 anyway).
    private static bool IsGarbled(AnnuaireRow row) =>
        Garbled(row.Uai) || Garbled(row.Name) || Garbled(row.Type) || Garbled(row.Sector) || Garbled(row.PostalCode) || Garbled(row.Commune)
        || Garbled(row.Mail) || Garbled(row.Circonscription) || Garbled(row.State);

    private static bool Garbled(string value) => value.Contains('\uFFFD', StringComparison.Ordinal);
}
