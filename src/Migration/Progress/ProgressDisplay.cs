using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace SupportBot.Migration.Progress;

/// <summary>
/// Long operations' progress: a Spectre.Console bar with rate and ETA on a terminal, and when the output is redirected
/// plain lines on stderr at most every few seconds (so that logs and pipes stay readable), or nothing with --quiet.
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, bool interactive, bool quiet)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="work"/>, showing one task whose total may become known on the way.</summary>
    public async Task<T> RunAsync<T>(string label, string unit, Func<IStepProgress, Task<T>> work)
    {
        if (quiet)
        {
            return await work(new NullStep());
        }

        if (!interactive)
        {
            return await work(new PlainStep(error, label, unit));
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(unit),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: 1);
                task.IsIndeterminate = true;
                result = await work(new SpectreStep(task));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return result;
    }

    /// <summary>One step's progress as the work sees it.</summary>
    internal interface IStepProgress
    {
        void Stage(string label, long total);

        void Report(long done);
    }

    private sealed class NullStep : IStepProgress
    {
        public void Stage(string label, long total)
        {
        }

        public void Report(long done)
        {
        }
    }

    private sealed class SpectreStep(ProgressTask task) : IStepProgress
    {
        public void Stage(string label, long total)
        {
            task.Description = label;
            task.IsIndeterminate = total <= 0;
            task.MaxValue = Math.Max(1, total);
            task.Value = 0;
        }

        public void Report(long done) => task.Value = Math.Min(done, task.MaxValue);
    }

    private sealed class PlainStep(TextWriter error, string label, string unit) : IStepProgress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string _label = label;
        private long _total;
        private TimeSpan _lastLine;
        private TimeSpan _stageStart;

        public void Stage(string label, long total)
        {
            _label = label;
            _total = total;
            _stageStart = _clock.Elapsed;
            error.WriteLine($"{_label}…");
        }

        public void Report(long done)
        {
            var now = _clock.Elapsed;
            if (now - _lastLine < PlainInterval && (_total <= 0 || done < _total))
            {
                return;
            }

            _lastLine = now;
            var seconds = Math.Max(0.001, (now - _stageStart).TotalSeconds);
            var rate = done / seconds;
            var text = string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{_label} : {done:N0}");
            if (_total > 0)
            {
                var eta = rate > 0 ? TimeSpan.FromSeconds((_total - done) / rate) : TimeSpan.Zero;
                text += string.Create(CultureInfo.GetCultureInfo("fr-FR"), $" / {_total:N0} ({100.0 * done / _total:F0} %), reste ~{eta:hh\\:mm\\:ss}");
            }

            error.WriteLine(text + string.Create(CultureInfo.GetCultureInfo("fr-FR"), $", {rate:N0} {unit}/s"));
        }
    }

    private sealed class RateColumn(string unit) : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{speed:N0} {unit}/s") : "", new Style(Color.Grey));
    }
}
