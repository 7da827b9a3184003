using System.CommandLine;
using System.Text.Json;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Language;

/// <summary>
/// <c>SupportBot.Bot nlu</c>: one utterance per line on standard input, one JSON object per line on standard output,
/// in the same order (a blank line gives a result too, so outputs can be pasted beside inputs).
/// </summary>
internal static class NluCommand
{
    public enum ExitCode
    {
        Success = 0,
        InvalidArguments = 1,
        InvalidTrainingData = 2,
    }

    public static Command Create(Terminal terminal)
    {
        var training = new Option<string?>("--training")
        {
            Description = "Folder of training utterances (default: setting Nlu:TrainingDirectory, i.e. dialogs/intents copied beside the program).",
            HelpName = "folder",
        };
        var nlu = new Command("nlu",
            "Reads French utterances, one per line, on standard input and prints for each one a JSON line: "
            + """{"text","intent","score","entities":[{"type":"date|phone|email|yesno","value"}]}. """
            + "intent is null when the recognizer is unsure. Example: echo \"jai perdu mon mdp\" | dotnet run --project src/Bot -- nlu")
        {
            training,
        };
        nlu.SetAction((parse, cancellation) => AnalyzeAsync(parse.GetValue(training), terminal, cancellation));
        return nlu;
    }

    private static async Task<int> AnalyzeAsync(string? trainingDirectory, Terminal terminal, CancellationToken cancellation)
    {
        var (input, output, error) = (terminal.Input, terminal.Output, terminal.Error);
        var settings = new Dictionary<string, string?>();
        if (trainingDirectory is not null)
        {
            settings[$"{NluOptions.Section}:{nameof(NluOptions.TrainingDirectory)}"] = Path.GetFullPath(trainingDirectory);
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLanguageUnderstanding()
            .BuildServiceProvider();

        NluAnalyzer analyzer;
        try
        {
            analyzer = services.GetRequiredService<NluAnalyzer>();
        }
        catch (IntentTrainingDataException e)
        {
            await error.WriteLineAsync(e.Message);
            return (int)ExitCode.InvalidTrainingData;
        }

        if (terminal.InputIsPerson)
        {
            await error.WriteLineAsync("Une phrase par ligne ; Ctrl+D pour terminer.");
        }

        // Progress only for a person watching a long file go through: never into a pipe or a log.
        var showProgress = terminal.ErrorIsPerson && !terminal.InputIsPerson && !terminal.OutputIsPerson;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var count = 0;
        while (await input.ReadLineAsync(cancellation) is { } line)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(analyzer.Analyze(line), NluResult.Json));
            count++;
            if (showProgress && watch.Elapsed - lastReport > TimeSpan.FromSeconds(1))
            {
                lastReport = watch.Elapsed;
                await error.WriteAsync($"\r{count} phrases, {count / watch.Elapsed.TotalSeconds:0}/s");
            }
        }

        if (showProgress && lastReport > TimeSpan.Zero)
        {
            await error.WriteLineAsync($"\r{count} phrases, {count / watch.Elapsed.TotalSeconds:0}/s");
        }

        await output.FlushAsync(cancellation);
        return (int)ExitCode.Success;
    }
}
