using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// <c>kind: choice</c> — a menu: <c>choices</c> lists <c>label</c> (text), optional <c>synonyms</c> and the
/// <c>next</c> target of each. Buttons on the web, numbered lines by SMS. With <c>when-given</c>, a value given instead (or
/// with the choice it leads to) goes where it is asked.
/// </summary>
internal sealed class ChoiceStep : StepKind<ChoiceStep.Config>
{
    internal sealed record Choice(ChoiceOption Option, Target Next);

    internal sealed record Config(PromptSettings Prompt, IReadOnlyList<Choice> Choices);

    private static readonly HashSet<string> ChoiceKeys = ["label", "synonyms", "next"];

    public override string Kind => "choice";

    public override IReadOnlySet<string> Keys { get; } = new HashSet<string>(PromptSettings.Keys.Append("choices"));

    public override bool FallsThrough => false;

    public override bool Waits => true;

    protected override Config Parse(YamlMappingNode node, StepParser parser)
    {
        var settings = PromptSettings.Parse(node, parser);
        var choices = new List<Choice>();
        var list = parser.List(node, "choices", required: true);
        foreach (var item in list?.Children ?? [])
        {
            if (item is not YamlMappingNode choice)
            {
                parser.Error(item, "a choice must have « label » and « next ».");
                continue;
            }

            parser.RejectUnknownKeys(choice, ChoiceKeys, "a choice");
            var label = parser.Text(choice, "label");
            var next = parser.Target(choice, "next", required: true);
            if (label is not null && next is not null)
            {
                choices.Add(new Choice(new ChoiceOption(label, parser.Strings(choice, "synonyms"), next.DialogId), next));
            }
        }

        if (list is not null && list.Children.Count < 2)
        {
            parser.Error(list, "a choice needs at least two choices.");
        }

        return new Config(settings, choices);
    }

    protected override IEnumerable<StepText> Texts(Config config, TextCatalog texts)
    {
        return config.Prompt.Texts([.. config.Choices.Select(c => c.Option.Label)]);
    }

    protected override IReadOnlyDictionary<string, Target> WhenGiven(Config config) => config.Prompt.WhenGiven;

    protected override async Task<StepResult> RunAsync(StepRun run, Config config, CancellationToken cancellationToken)
    {
        if (config.Prompt.AlreadyGiven(run) is { } given)
        {
            return given;
        }

        var options = config.Prompt.Options(run, [.. config.Choices.Select(c => c.Option)]);
        await run.Dialogs.BeginDialogAsync(ChoicePrompt.DefaultId, options, cancellationToken);
        return StepResult.Wait;
    }

    protected override Task<StepResult> ResumeAsync(StepRun run, Config config, PromptResult? result, CancellationToken cancellationToken) =>
        Task.FromResult(result is { Succeeded: true, Value: int index } && index >= 0 && index < config.Choices.Count
            ? config.Prompt.Answered(run, config.Choices[index].Next, result)
            : config.Prompt.Instead(run, result) ?? config.Prompt.Fail(run));
}
