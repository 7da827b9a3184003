using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

public sealed class IntentEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void HeldOutCorpus_IsDisjointFromTrainingAndCoversEveryIntent()
    {
        var training = TrainedModel.Training.Select(u => FrenchText.Normalize(u.Text)).ToHashSet(StringComparer.Ordinal);

        var leaked = TrainedModel.Corpus.Where(u => training.Contains(FrenchText.Normalize(u.Text))).Select(u => $"{u.Source} {u.Text}").ToList();
        var perIntent = Intents.All.ToDictionary(i => i, i => TrainedModel.Corpus.Count(u => u.Intent == i));

        Assert.True(leaked.Count == 0, "also in dialogs/intents/ once normalised: " + string.Join(" | ", leaked));
        Assert.All(perIntent, p => Assert.True(p.Value >= 25, $"{p.Key}: {p.Value} utterances, at least 25 expected"));
    }

    [Fact]
    public void HeldOutCorpus_TopOneAccuracyAtLeast90Percent()
    {
        var evaluation = IntentEvaluation.Run(TrainedModel.Recognizer, TrainedModel.Corpus);

        output.WriteLine(evaluation.ConfusionMatrix());
        foreach (var (utterance, prediction) in evaluation.Results.Where(r => r.Prediction.Intent != r.Utterance.Intent))
        {
            output.WriteLine($"{utterance.Source}: « {utterance.Text} » expected {utterance.Intent}, got {prediction.Intent ?? "unsure"} "
                + string.Join(", ", prediction.Ranking.Select(r => $"{r.Intent} {r.Score:0.00}")));
        }

        Assert.True(evaluation.TopOneAccuracy >= 0.90, $"top-1 accuracy {evaluation.TopOneAccuracy:P1} < 90%");
        Assert.True(evaluation.WrongAnswerRate <= 0.03, $"answered wrong {evaluation.WrongAnswerRate:P1} of the time (> 3%)");
    }

    [Fact]
    public void HeldOutCorpus_ScoresAreCalibrated()
    {
        var evaluation = IntentEvaluation.Run(TrainedModel.Recognizer, TrainedModel.Corpus);
        var confident = evaluation.Results.Where(r => r.Prediction.Score >= 0.8).ToList();
        var right = evaluation.Results.Where(r => r.Prediction.Ranking[0].Intent == r.Utterance.Intent).ToList();
        var wrong = evaluation.Results.Except(right).ToList();

        foreach (var band in evaluation.Calibration())
        {
            output.WriteLine($"score {band.From:0.0}-{band.To:0.0}: n={band.Count} mean score={band.MeanScore:0.00} accuracy={band.Accuracy:P0}");
        }

        var ece = evaluation.ExpectedCalibrationError();
        output.WriteLine($"expected calibration error {ece:0.000}");

        Assert.All(evaluation.Results, r => Assert.InRange(r.Prediction.Ranking.Sum(s => s.Score), 0, 1.0001));
        Assert.True(ece <= 0.10, $"expected calibration error {ece:0.000} > 0.10");
        Assert.True(confident.Count(r => r.Prediction.Ranking[0].Intent == r.Utterance.Intent) >= 0.95 * confident.Count,
            "predictions scored 0.8 or more should be right at least 95% of the time");
        Assert.True(wrong.Count == 0 || wrong.Average(r => r.Prediction.Score) < right.Average(r => r.Prediction.Score),
            "wrong guesses should score lower than right ones on average");
    }
}
