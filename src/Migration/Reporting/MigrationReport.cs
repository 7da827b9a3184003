namespace SupportBot.Migration.Reporting;

/// <summary>What a run read, decided and wrote: the JSON summary and the CSV of rejected or reported records.</summary>
internal sealed class MigrationReport
{
    private readonly List<ReportEntry> _entries = [];

    public bool DryRun { get; set; }

    /// <summary>An earlier run had been interrupted (killed, Ctrl+C): this one completed its work.</summary>
    public bool ResumedInterruptedRun { get; set; }

    public long LegacyAccountsRead { get; set; }

    public long PersonalAccounts { get; set; }

    public long JointAccounts { get; set; }

    public long SieclePupilsRead { get; set; }

    public long SieclePersonsRead { get; set; }

    /// <summary>Distinct persons (UAJ + PERSONNE_ID) holding at least one legacy account.</summary>
    public long Holders { get; set; }

    /// <summary>Unified persons after rule 1 (one per unified account).</summary>
    public long Persons { get; set; }

    public long AccountsCreated { get; set; }

    public long AccountsReused { get; set; }

    public long PupilLinks { get; set; }

    public long LinksAddedByRapprochement { get; set; }

    public long AliasesAdded { get; set; }

    public long StaleAttachments { get; set; }

    public long PossibleDuplicates { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>Seconds spent in each stage of the run, in order (where the time goes, for operators and the benchmark).</summary>
    public List<PhaseTime> Phases { get; } = [];

    public IReadOnlyList<ReportEntry> Entries => _entries;

    public void Add(ReportEntry entry) => _entries.Add(entry);

    /// <summary>Another report's entries and reading counts, after this one's (a reading done on another thread).</summary>
    public void Append(MigrationReport other)
    {
        _entries.AddRange(other._entries);
        LegacyAccountsRead += other.LegacyAccountsRead;
        PersonalAccounts += other.PersonalAccounts;
        JointAccounts += other.JointAccounts;
    }

    public void Reject(string file, int line, string record, string reason, string detail) =>
        _entries.Add(new ReportEntry(file, line, record, true, reason, detail));

    public void Note(string file, int line, string record, string reason, string detail) =>
        _entries.Add(new ReportEntry(file, line, record, false, reason, detail));

    public SortedDictionary<string, int> CountBy(bool rejected)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in _entries.Where(e => e.Rejected == rejected))
        {
            counts[entry.Reason] = counts.GetValueOrDefault(entry.Reason) + 1;
        }

        return counts;
    }
}

/// <summary>
/// One stage of a run: wall seconds, the part of them the garbage collector had every thread stopped, the managed heap
/// at its end and the process's peak resident memory so far (where the time and the memory go, for the benchmark).
/// </summary>
internal sealed record PhaseTime(string Phase, double Seconds, double GcPauseSeconds, long HeapMegabytes, long PeakResidentMegabytes);
