using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using System.Text.Encodings.Web;
using SupportBot.Bot.Language;

namespace SupportBot.Bench.Nlu;

/// <summary>
/// The measurement behind the choice of intent model: SupportBot's own scorer against ML.NET text featurisation with
/// its multiclass trainers, all trained on dialogs/intents/ and scored on the held-out corpus. Also a 5-fold
/// cross-validation of the own scorer on the training set alone, which is where its settings were chosen.
/// </summary>
internal static class NluModelComparison
{
    public static Command Command()
    {
        var sweep = new Option<bool>("--sweep") { Description = "Also cross-validate a grid of the own scorer's training settings." };
        var command = new Command("nlu-compare", "Held-out top-1 accuracy and build time: own scorer vs ML.NET.") { sweep };
        command.SetAction(parse => Run(parse.GetValue(sweep)));
        return command;
    }

    private static int Run(bool sweep)
    {
        var training = IntentTrainingSet.Load(new NluOptions().TrainingPath);
        var corpus = IntentEvaluation.LoadCorpus(Path.Combine(AppContext.BaseDirectory, "Nlu", "intent-evaluation.txt"));

        var watch = Stopwatch.StartNew();
        var own = IntentRecognizer.Train(training);
        var ownMs = watch.Elapsed.TotalMilliseconds;
        var ownEvaluation = IntentEvaluation.Run(own, corpus);
        Report("own", ownEvaluation.TopOneAccuracy, ownMs, new
        {
            unsure = Math.Round(ownEvaluation.UnsureRate, 3),
            answeredWrong = Math.Round(ownEvaluation.WrongAnswerRate, 3),
            ece = Math.Round(ownEvaluation.ExpectedCalibrationError(), 3),
            crossValidation = CrossValidate(training, 5, null),
        });

        if (sweep)
        {
            foreach (var epochs in new[] { 20, 40, 80 })
            {
                foreach (var l2 in new[] { 1e-5f, 1e-4f, 1e-3f })
                {
                    foreach (var rate in new[] { 0.2f, 0.5f, 1f })
                    {
                        var hyper = new SoftmaxIntentModel.Hyperparameters(epochs, rate, l2);
                        Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "nlu-sweep", hyper.Epochs, hyper.LearningRate, hyper.L2, crossValidation = CrossValidate(training, 5, hyper) }));
                    }
                }
            }
        }

        foreach (var normalize in new[] { false, true })
        {
            foreach (var trainer in new[] { "SdcaMaximumEntropy", "LbfgsMaximumEntropy" })
            {
                var (accuracy, ms) = MlNet(training, corpus, trainer, normalize);
                Report($"ml.net {trainer}{(normalize ? " + FrenchText.Normalize" : "")}", accuracy, ms, null);
            }
        }

        return 0;
    }

    private static void Report(string model, double top1, double buildMs, object? extra) =>
        Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "nlu-compare", model, heldOutTop1 = Math.Round(top1, 3), buildMs = Math.Round(buildMs), extra }, Relaxed));

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static object CrossValidate(IReadOnlyList<IntentUtterance> training, int folds, SoftmaxIntentModel.Hyperparameters? hyper)
    {
        var shuffled = training.OrderBy(u => StringComparer.Ordinal.GetHashCode(u.Text) & 0x7fffffff).ThenBy(u => u.Text).ToList();
        var results = new List<(IntentUtterance, IntentPrediction)>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = shuffled.Where((_, i) => i % folds != fold).ToList();
            var test = shuffled.Where((_, i) => i % folds == fold && Intents.All.Contains(shuffled[i].Intent)).ToList();
            var recognizer = IntentRecognizer.Train(train, hyper: hyper);
            results.AddRange(IntentEvaluation.Run(recognizer, test).Results);
        }

        var evaluation = IntentEvaluation.FromResults(results);
        return new
        {
            top1 = Math.Round(evaluation.TopOneAccuracy, 3),
            unsure = Math.Round(evaluation.UnsureRate, 3),
            answeredWrong = Math.Round(evaluation.WrongAnswerRate, 3),
            ece = Math.Round(evaluation.ExpectedCalibrationError(), 3),
        };
    }

    private static (double Accuracy, double BuildMs) MlNet(IReadOnlyList<IntentUtterance> training, IReadOnlyList<IntentUtterance> corpus,
        string trainer, bool normalize)
    {
        string Prepare(string text) => normalize ? FrenchText.Normalize(text) : text;
        var watch = Stopwatch.StartNew();
        var ml = new MLContext(seed: 6);
        var data = ml.Data.LoadFromEnumerable(training.Select(u => new MlNetRow { Text = Prepare(u.Text), Label = u.Intent }));
        var featurize = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
            }, nameof(MlNetRow.Text)));
        var model = trainer == "SdcaMaximumEntropy"
            ? featurize.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data)
            : featurize.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data) as ITransformer;
        var engine = ml.Model.CreatePredictionEngine<MlNetRow, MlNetPrediction>(model);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        var right = corpus.Count(u => engine.Predict(new MlNetRow { Text = Prepare(u.Text) }).Predicted == u.Intent);
        return (right / (double)corpus.Count, buildMs);
    }
}
