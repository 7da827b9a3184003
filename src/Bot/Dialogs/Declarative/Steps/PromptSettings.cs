using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Language;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// The keys every asking step shares: <c>text</c>, <c>retry</c>, <c>max-attempts</c>, <c>on-failure</c>;
/// <c>when-given</c> (prompt kind → target: where the step goes when the parent's message holds such a value instead
/// of an answer, or with an answer that goes there anyway) and <c>on-intent</c> (intent → target: where it goes when the
/// message is recognised as that intent rather than as an answer leading elsewhere).
/// </summary>
internal sealed record PromptSettings(MessageText Text, MessageText? Retry, int MaxAttempts, Target? OnFailure,
    IReadOnlyDictionary<string, Target> WhenGiven, IReadOnlyDictionary<string, Target> OnIntent)
{
    public const int DefaultMaxAttempts = 3;

    public static IEnumerable<string> Keys => ["text", "retry", "max-attempts", "on-failure", "when-given", "on-intent"];

    public static PromptSettings Parse(YamlMappingNode node, StepParser parser)
    {
        var whenGiven = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(parser.Map(node, "when-given")))
        {
            var kind = (key as YamlScalarNode)?.Value ?? "";
            if (!PromptKinds.All.TryGetValue(kind, out var prompt) || !prompt.Heard)
            {
                parser.Error(key, $"« {kind} » is not a kind of value heard in a message (expected: {string.Join(", ", PromptKinds.HeardNames)}).");
            }
            else if (parser.Target(value) is { } target)
            {
                whenGiven[prompt.DialogId] = target;
            }
        }

        var onIntent = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(parser.Map(node, "on-intent")))
        {
            var intent = (key as YamlScalarNode)?.Value ?? "";
            if (!Intents.All.Contains(intent))
            {
                parser.Error(key, $"unknown intent « {intent} » (known: {string.Join(", ", Intents.All)}).");
            }
            else if (parser.Target(value) is { } target)
            {
                onIntent[intent] = target;
            }
        }

        return new PromptSettings(
            parser.Text(node, "text") ?? new MessageText("", "", parser.At(node)),
            parser.Text(node, "retry", required: false),
            parser.Int(node, "max-attempts") ?? DefaultMaxAttempts,
            parser.Target(node, "on-failure"),
            whenGiven,
            onIntent);
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? map) => map is null ? [] : map.Children;

    /// <param name="hears">Prompts whose values the step takes besides its <c>when-given</c> (an ask step's later questions).</param>
    public PromptOptions Options(StepRun run, IReadOnlyList<ChoiceOption>? choices = null,
        IReadOnlyDictionary<string, MessageText>? retries = null, IEnumerable<string>? hears = null)
    {
        var listened = WhenGiven.Keys.Concat(hears ?? []).Distinct().ToList();
        return new(Text.Format(run.Values), Retry?.Format(run.Values), choices, MaxAttempts, retries,
            listened.Count > 0 ? listened : null, OnIntent.Count > 0 ? [.. OnIntent.Keys] : null);
    }

    public IEnumerable<StepText> Texts(IReadOnlyList<MessageText>? choices = null) =>
        Retry is null ? [new StepText("text", Text, choices)] : [new StepText("text", Text, choices), new StepText("retry", Retry, choices)];

    /// <summary>
    /// Before asking: a value heard earlier (in the message the dialog began with) that a <c>when-given</c> routes on
    /// makes the question pointless; the step goes where that value is asked.
    /// </summary>
    public StepResult? AlreadyGiven(StepRun run)
    {
        foreach (var (prompt, target) in WhenGiven)
        {
            if (run.Heard.Remove(prompt, out var value))
            {
                return Take(run, target, new Dictionary<string, string> { [prompt] = value });
            }
        }

        return null;
    }

    /// <summary>
    /// The parent answered (the answer leads to <paramref name="target"/>): one of the <c>on-intent</c> intents leading
    /// elsewhere wins over the answer (« ok merci c'est bon » is a « ok », and a goodbye); otherwise the values heard with
    /// the answer whose <c>when-given</c> leads to the same place go there with it (« oui c'est v.durant1 »).
    /// </summary>
    public StepResult Answered(StepRun run, Target target, PromptResult result)
    {
        if (OnIntent.Values.Any(t => t.Value != target.Value)
            && run.Dialogs.Turn.Reading?.Intent is { IsUnsure: false, Intent: { } intent }
            && OnIntent.TryGetValue(intent, out var instead) && instead.Value != target.Value)
        {
            return StepResult.Continue(instead);
        }

        var along = result.Heard?.Where(h => WhenGiven.TryGetValue(h.Key, out var t) && t.Value == target.Value).ToDictionary();
        return Take(run, target, along);
    }

    /// <summary>
    /// The parent did not answer but wrote one of the <c>on-intent</c> intents, or a value of a <c>when-given</c> kind:
    /// where that leads, with the value; null otherwise (the first listed wins when several values are given).
    /// </summary>
    public StepResult? Instead(StepRun run, PromptResult? result)
    {
        if (result?.Intent is { } intent && OnIntent.TryGetValue(intent, out var target))
        {
            return StepResult.Continue(target);
        }

        foreach (var (prompt, given) in WhenGiven)
        {
            if (result?.Heard?.GetValueOrDefault(prompt) is { } value)
            {
                return Take(run, given, new Dictionary<string, string> { [prompt] = value });
            }
        }

        return null;
    }

    /// <summary>Attempts ran out: the step's <c>on-failure</c>, else the menu and a person (<c>incompris</c>, which apologises).</summary>
    public StepResult Fail(StepRun run) =>
        StepResult.Continue(OnFailure ?? new Target(Target.DialogPrefix + SystemTexts.NotUnderstoodDialog, run.Step.Position));

    /// <summary>Goes to <paramref name="target"/> keeping <paramref name="heard"/>: under the name its question gives it in this file, or handed to the dialog it starts.</summary>
    private static StepResult Take(StepRun run, Target target, Dictionary<string, string>? heard)
    {
        if (heard is not { Count: > 0 })
        {
            return StepResult.Continue(target);
        }

        if (target.DialogId is not null)
        {
            return StepResult.Continue(target, heard);
        }

        foreach (var (prompt, value) in heard)
        {
            if (run.Document.AskedAt(target, prompt) is { } asked)
            {
                run.Values[asked.Into] = value;
            }
        }

        return StepResult.Continue(target);
    }
}
