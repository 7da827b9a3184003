using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Bot.Language;

namespace SupportBot.Bench.Nlu;

/// <summary>
/// Recognitions per second on one thread (the held-out corpus, looped) and the start-up cost of building the
/// intent model from dialogs/intents/.
/// </summary>
internal static class NluBenchmark
{
    public static Command Command()
    {
        var seconds = new Option<double>("--seconds") { Description = "Measuring time per figure.", DefaultValueFactory = _ => 3 };
        var command = new Command("nlu", "Intent and entity recognition throughput, and intent model build time.") { seconds };
        command.SetAction(parse => Run(parse.GetValue(seconds)));
        return command;
    }

    private static int Run(double seconds)
    {
        var trainingPath = new NluOptions().TrainingPath;
        var corpus = IntentEvaluation.LoadCorpus(Path.Combine(AppContext.BaseDirectory, "Nlu", "intent-evaluation.txt"))
            .Select(u => u.Text).ToArray();

        var cold = Stopwatch.StartNew();
        var training = IntentTrainingSet.Load(trainingPath);
        var recognizer = IntentRecognizer.Train(training);
        var coldMs = cold.Elapsed.TotalMilliseconds;

        var warmLoad = new List<double>();
        var warmTrain = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var utterances = IntentTrainingSet.Load(trainingPath);
            warmLoad.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            IntentRecognizer.Train(utterances);
            warmTrain.Add(watch.Elapsed.TotalMilliseconds);
        }

        var analyzer = new NluAnalyzer(recognizer, new EntityRecognizer(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var intentRate = Measure(seconds, corpus, text => recognizer.Recognize(text));
        var analyzeRate = Measure(seconds, corpus, text => analyzer.Analyze(text));

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "nlu",
            trainingUtterances = training.Count,
            features = recognizer.FeatureCount,
            corpusUtterances = corpus.Length,
            modelBuildColdMs = Math.Round(coldMs, 1),
            modelBuildWarmMs = Math.Round(Median(warmLoad) + Median(warmTrain), 1),
            warmLoadMs = Math.Round(Median(warmLoad), 1),
            warmTrainMs = Math.Round(Median(warmTrain), 1),
            intentRecognitionsPerSecond = Math.Round(intentRate),
            fullAnalysesPerSecond = Math.Round(analyzeRate),
        }));
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Measure(double seconds, string[] corpus, Action<string> action)
    {
        foreach (var text in corpus)
        {
            action(text);
        }

        var count = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var text in corpus)
            {
                action(text);
            }

            count += corpus.Length;
        }

        return count / watch.Elapsed.TotalSeconds;
    }
}
