using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

/// <summary>The recognizer as the service builds it (from dialogs/intents/ copied beside the tests), trained once per run.</summary>
internal static class TrainedModel
{
    private static readonly Lazy<IReadOnlyList<IntentUtterance>> LazyTraining =
        new(() => IntentTrainingSet.Load(new NluOptions().TrainingPath));

    private static readonly Lazy<IntentRecognizer> LazyRecognizer = new(() => IntentRecognizer.Train(Training));

    private static readonly Lazy<IReadOnlyList<IntentUtterance>> LazyCorpus =
        new(() => IntentEvaluation.LoadCorpus(Path.Combine(AppContext.BaseDirectory, "Language", "intent-evaluation.txt")));

    public static IReadOnlyList<IntentUtterance> Training => LazyTraining.Value;

    public static IntentRecognizer Recognizer => LazyRecognizer.Value;

    /// <summary>The held-out evaluation corpus (tests/Bot.Tests/Language/intent-evaluation.txt).</summary>
    public static IReadOnlyList<IntentUtterance> Corpus => LazyCorpus.Value;
}
