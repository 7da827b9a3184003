namespace SupportBot.AccountDirectory.Schools.Import;

/// <summary>
/// What an import did (or, for a dry run, would do). Each school of the file that was accepted is counted once in
/// <see cref="Added"/>, <see cref="Updated"/> or <see cref="Unchanged"/>; <see cref="Closed"/> and
/// <see cref="Reopened"/> count the changes of state this import made, whether or not the school's fields changed.
/// </summary>
public sealed class SchoolImportResult
{
    public required string FileName { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>Data rows read (the header not counted).</summary>
    public int Rows { get; init; }

    public int Added { get; init; }

    /// <summary>Schools already in the directory whose name, commune, postal code, sector, circonscription or official mailbox changed, or that no import had written yet.</summary>
    public int Updated { get; init; }

    /// <summary>Schools of the file whose fields the directory already held (a change of state alone counts in <see cref="Closed"/> or <see cref="Reopened"/>).</summary>
    public int Unchanged { get; init; }

    /// <summary>Schools marked closed because the file gives them another <c>etat</c> than <c>OUVERT</c> (new ones included).</summary>
    public int ClosedInFile { get; init; }

    /// <summary>Schools of the file's départements, imported before, that the file no longer lists: marked closed.</summary>
    public int ClosedMissing { get; init; }

    public int Closed => ClosedInFile + ClosedMissing;

    /// <summary>Closed schools the file lists as <c>OUVERT</c> again.</summary>
    public int Reopened { get; init; }

    /// <summary>Rows of other establishments (collèges, lycées, services...): not schools, not errors.</summary>
    public int Skipped { get; init; }

    public IReadOnlyList<SchoolImportRejection> Rejected { get; init; } = [];

    /// <summary>
    /// The départements the file covers, as the first three characters of its schools' UAIs (<c>035</c>): only schools
    /// of these can be closed for missing from the file.
    /// </summary>
    public IReadOnlyList<string> Departements { get; init; } = [];

    public TimeSpan Duration { get; init; }

    /// <summary>Schools of the file accepted into the directory.</summary>
    public int Schools => Added + Updated + Unchanged;

    public bool Changed => Added + Updated + Closed + Reopened > 0;
}
