namespace SupportBot.Bot.Language;

/// <summary>
/// The intent recognizer: <see cref="FrenchText.Normalize"/>, <see cref="IntentFeatures"/> and a
/// <see cref="SoftmaxIntentModel"/> trained from dialogs/intents/ when the service starts.
/// Unsure (Intent null) when the best score is low or too close to the second: the dialogs then show a menu,
/// which costs the parent one tap, where a wrong guess costs a whole wrong path. Unsure as well when the message
/// looks most like the training set's vague ones (<see cref="IntentTrainingSet.Vague"/>).
/// </summary>
internal sealed class IntentRecognizer : IIntentRecognizer
{
    public const double DefaultMinScore = 0.45;
    public const double DefaultMinMargin = 0.15;
    private const int RankingSize = 3;

    private readonly IntentFeatures _features;
    private readonly SoftmaxIntentModel _model;
    private readonly double _minScore;
    private readonly double _minMargin;

    private IntentRecognizer(IntentFeatures features, SoftmaxIntentModel model, double minScore, double minMargin)
    {
        _features = features;
        _model = model;
        _minScore = minScore;
        _minMargin = minMargin;
    }

    public int FeatureCount => _features.Count;

    public static IntentRecognizer Train(IReadOnlyList<IntentUtterance> utterances, double minScore = DefaultMinScore,
        double minMargin = DefaultMinMargin, SoftmaxIntentModel.Hyperparameters? hyper = null)
    {
        var classes = IntentTrainingSet.Classes.ToArray();
        var normalized = utterances.Select(u => (Text: FrenchText.Normalize(u.Text), u.Intent)).ToList();
        var features = IntentFeatures.Build(normalized.Select(u => u.Text));
        var examples = normalized.Select(u => (features.Vectorize(u.Text), Array.IndexOf(classes, u.Intent))).ToList();
        var model = SoftmaxIntentModel.Train(examples, classes, features.Count, hyper);
        return new IntentRecognizer(features, model, minScore, minMargin);
    }

    public IntentPrediction Recognize(string text)
    {
        var x = _features.Vectorize(FrenchText.Normalize(text ?? ""));
        if (x.IsEmpty)
        {
            return new IntentPrediction(null, 0, []);
        }

        Span<float> probabilities = stackalloc float[_model.Classes.Count];
        _model.Probabilities(x, probabilities);
        var ranked = probabilities.ToArray()
            .Select((p, c) => new IntentScore(_model.Classes[c], Math.Round(p, 4)))
            .OrderByDescending(r => r.Score)
            .ToList();
        var ranking = ranked.Where(r => r.Intent != IntentTrainingSet.Vague).Take(RankingSize).ToList();

        var best = ranking[0];
        var sure = ranked[0].Intent != IntentTrainingSet.Vague
            && best.Score >= _minScore && best.Score - ranking[1].Score >= _minMargin;
        return new IntentPrediction(sure ? best.Intent : null, best.Score, ranking);
    }
}
