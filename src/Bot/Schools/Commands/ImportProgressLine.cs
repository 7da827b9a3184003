using System.Diagnostics;
using System.Globalization;
using SupportBot.AccountDirectory.Schools.Import;

namespace SupportBot.Bot.Schools.Commands;

/// <summary>
/// The import's progress on one terminal line of standard error, redrawn in place with its rate and the time left; only
/// for a terminal (the command passes none when standard error is redirected).
/// </summary>
internal sealed class ImportProgressLine(TextWriter error) : IProgress<SchoolImportProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private SchoolImportStage? _stage;
    private TimeSpan _stageStart;
    private TimeSpan _lastDrawn = TimeSpan.MinValue;
    private int _width;

    public void Report(SchoolImportProgress value)
    {
        var now = _clock.Elapsed;
        if (value.Stage != _stage)
        {
            _stage = value.Stage;
            _stageStart = now;
        }
        else if (now - _lastDrawn < Interval && value.Done < value.Total)
        {
            return;
        }

        _lastDrawn = now;
        var seconds = Math.Max(0.001, (now - _stageStart).TotalSeconds);
        var rate = value.Done / seconds;
        var text = value.Stage == SchoolImportStage.Reading
            ? string.Create(French, $"Lecture : {value.Done / 1024.0 / 1024.0:N1} Mo")
            : string.Create(French, $"Écriture : {value.Done:N0} écoles");
        if (value.Total > 0)
        {
            var left = rate > 0 ? TimeSpan.FromSeconds((value.Total - value.Done) / rate) : TimeSpan.Zero;
            text += string.Create(French, $" ({100.0 * value.Done / value.Total:F0} %), reste ~{left:mm\\:ss}");
        }

        text += value.Stage == SchoolImportStage.Reading
            ? string.Create(French, $", {rate / 1024.0 / 1024.0:N1} Mo/s")
            : string.Create(French, $", {rate:N0} écoles/s");
        Draw(text);
    }

    /// <summary>Clears the line, so that what follows starts on a clean one.</summary>
    public void Clear() => Draw("");

    private void Draw(string text)
    {
        error.Write("\r" + text.PadRight(_width));
        if (text.Length == 0)
        {
            error.Write('\r');
        }

        _width = text.Length;
        error.Flush();
    }
}
