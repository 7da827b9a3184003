using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>The keys every asking step shares: <c>text</c>, <c>retry</c>, <c>max-attempts</c>, <c>on-failure</c>.</summary>
internal sealed record PromptSettings(MessageText Text, MessageText? Retry, int MaxAttempts, Target? OnFailure)
{
    public const int DefaultMaxAttempts = 3;

    public static IEnumerable<string> Keys => ["text", "retry", "max-attempts", "on-failure"];

    public static PromptSettings Parse(YamlMappingNode node, StepParser parser) => new(
        parser.Text(node, "text") ?? new MessageText("", "", parser.At(node)),
        parser.Text(node, "retry", required: false),
        parser.Int(node, "max-attempts") ?? DefaultMaxAttempts,
        parser.Target(node, "on-failure"));

    public PromptOptions Options(StepRun run, IReadOnlyList<ChoiceOption>? choices = null,
        IReadOnlyDictionary<string, MessageText>? retries = null) =>
        new(Text.Format(run.Values), Retry?.Format(run.Values), choices, MaxAttempts, retries);

    public IEnumerable<StepText> Texts(IReadOnlyList<MessageText>? choices = null) =>
        Retry is null ? [new StepText("text", Text, choices)] : [new StepText("text", Text, choices), new StepText("retry", Retry, choices)];

    /// <summary>Attempts ran out: the step's <c>on-failure</c>, else an apology and the menu.</summary>
    public async Task<StepResult> FailAsync(StepRun run, CancellationToken cancellationToken)
    {
        if (OnFailure is not null)
        {
            return StepResult.Continue(OnFailure);
        }

        await run.SayAsync(run.Catalog.Texts.Get(SystemTexts.TooManyAttempts), cancellationToken);
        return StepResult.Continue(new Target(Target.DialogPrefix + SystemTexts.MenuDialog, run.Step.Position));
    }
}
