using System.Diagnostics;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Run;

/// <summary>
/// The run's phases as <c>rapport.json</c> gives them: seconds, GC pauses, managed heap and peak resident memory at the
/// end of each. Not part of the report's counts (<c>bench/migration-outputs.sh</c> leaves them out).
/// </summary>
internal sealed class PhaseClock(MigrationReport report)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _phase;
    private TimeSpan _gcBefore;

    /// <summary>Ends the current phase (if any) and starts <paramref name="next"/> (none when null).</summary>
    public void Start(string? next)
    {
        if (_phase is not null)
        {
            using var process = Process.GetCurrentProcess();
            report.Phases.Add(new PhaseTime(_phase, _clock.Elapsed.TotalSeconds, (GC.GetTotalPauseDuration() - _gcBefore).TotalSeconds,
                GC.GetTotalMemory(false) >> 20, process.PeakWorkingSet64 >> 20));
        }

        _gcBefore = GC.GetTotalPauseDuration();
        _phase = next;
        _clock.Restart();
    }
}
