using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary><c>kind: confirm</c> — a yes/no question (« Oui » / « Non » buttons, 1 / 2 by SMS) going to <c>yes</c> or <c>no</c>.</summary>
internal sealed class ConfirmStep : IStepKind
{
    internal sealed record Config(PromptSettings Prompt, Target Yes, Target No);

    public string Kind => "confirm";

    public IReadOnlySet<string> Keys { get; } = new HashSet<string>(PromptSettings.Keys.Concat(["yes", "no"]));

    public bool FallsThrough => false;

    public object Parse(YamlMappingNode node, StepParser parser)
    {
        var settings = PromptSettings.Parse(node, parser);
        var yes = parser.Target(node, "yes", required: true);
        var no = parser.Target(node, "no", required: true);
        var fallback = new Target(Target.EndValue, parser.At(node));
        return new Config(settings, yes ?? fallback, no ?? fallback);
    }

    public IEnumerable<StepText> Texts(StepNode step, TextCatalog texts) =>
        ((Config)step.Config).Prompt.Texts([texts.Get(SystemTexts.Yes), texts.Get(SystemTexts.No)]);

    public async Task<StepResult> RunAsync(StepRun run, CancellationToken cancellationToken)
    {
        var config = (Config)run.Step.Config;
        var texts = run.Catalog.Texts;
        var options = config.Prompt.Options(run, [new ChoiceOption(texts.Get(SystemTexts.Yes)), new ChoiceOption(texts.Get(SystemTexts.No))]);
        await run.Dialogs.BeginDialogAsync(ConfirmPrompt.DefaultId, options, cancellationToken);
        return StepResult.Wait;
    }

    public async Task<StepResult> ResumeAsync(StepRun run, PromptResult? result, CancellationToken cancellationToken)
    {
        var config = (Config)run.Step.Config;
        return result is { Succeeded: true, Value: bool yes }
            ? StepResult.Continue(yes ? config.Yes : config.No)
            : await config.Prompt.FailAsync(run, cancellationToken);
    }
}
