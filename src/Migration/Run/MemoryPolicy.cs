using System.Runtime;
using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;
using SupportBot.Migration.Planning;

namespace SupportBot.Migration.Run;

/// <summary>
/// How a run keeps its peak memory down (1M accounts under 1.4 GB, bench/migration.md): the GC's latency mode while
/// the inputs accumulate, the compactions that give memory back to the system, and what the planning releases as soon
/// as it has read it for the last time. Nothing here changes what is planned or written.
/// </summary>
internal sealed class MemoryPolicy : IPlanningMemory
{
    private GCLatencyMode? _latency;

    /// <summary>
    /// Reading and planning mostly accumulate what the run keeps: full blocking collections would walk millions of live
    /// records again and again; background ones run beside the work. Until <see cref="EndAccumulating"/>.
    /// </summary>
    public void StartAccumulating()
    {
        _latency ??= GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
    }

    public void EndAccumulating()
    {
        if (_latency is { } latency)
        {
            GCSettings.LatencyMode = latency;
        }
    }

    /// <summary>
    /// The parsed files are garbage now, spread among what the run keeps: one compacting collection (about a second for
    /// a million accounts) leaves the planning a dense heap, which it then walks faster and grows less (measured: rules
    /// 19 s -> 14 s, peak memory -250 MB at 1M).
    /// </summary>
    public void Read() => Compact();

    /// <summary>
    /// What the plan does not reference is garbage now (the legacy accounts, the dictionaries by key): compacted away
    /// before SQLite's page cache and the writer's own dictionaries grow, it is not added to the run's peak.
    /// </summary>
    public void Planned()
    {
        EndAccumulating();
        Compact();
    }

    /// <summary>The attachments' persons and lines.</summary>
    public void AttachmentsChecked(LegacyData legacy) => legacy.Attachments.KeepPupilsOnly();

    /// <summary>The dictionaries by UAJ:ID (about 100 MB at a million accounts, and the pupils nobody links).</summary>
    public void KeysResolved(SiecleData siecle) => siecle.ForgetKeys();

    /// <summary>
    /// The holders' index and the records of persons without an account are garbage then, and the links are still to
    /// come: measured at 1M accounts (bench/migration.sh, 2 cores), this compaction takes the run's peak from 1,592 MB
    /// to 1,369 MB for about half a second.
    /// </summary>
    public void Grouped() => Compact();

    /// <summary>About 100 MB at a million accounts, and the pupils only they point at.</summary>
    public void ResponsibilitiesRead(SieclePerson person) => person.ForgetResponsibilities();

    /// <summary>The writer needs none of them: the legacy accounts can go as soon as the plan is made.</summary>
    public void LegacyAccountsRead(PlannedAccount account) => account.LegacyAccounts = [];

    /// <summary>
    /// A full compacting collection that also gives the freed memory back to the system: after a merely forced one the
    /// GC keeps the emptied regions for later (at 1M accounts the process stayed about 380 MB above its live data).
    /// </summary>
    private static void Compact()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
