using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// <c>kind: confirm</c> — a yes/no question (« Oui » / « Non » buttons, 1 / 2 by SMS) going to <c>yes</c> or <c>no</c>;
/// with <c>when-given</c>, a value given instead (or with a « oui ») goes where it is asked.
/// </summary>
internal sealed class ConfirmStep : StepKind<ConfirmStep.Config>
{
    internal sealed record Config(PromptSettings Prompt, Target Yes, Target No);

    public override string Kind => "confirm";

    public override IReadOnlySet<string> Keys { get; } = new HashSet<string>(PromptSettings.Keys.Concat(["yes", "no"]));

    public override bool FallsThrough => false;

    public override bool Waits => true;

    protected override Config Parse(YamlMappingNode node, StepParser parser)
    {
        var settings = PromptSettings.Parse(node, parser);
        var yes = parser.Target(node, "yes", required: true);
        var no = parser.Target(node, "no", required: true);
        var fallback = new Target(Target.EndValue, parser.At(node));
        return new Config(settings, yes ?? fallback, no ?? fallback);
    }

    protected override IEnumerable<StepText> Texts(Config config, TextCatalog texts) =>
        config.Prompt.Texts([texts.Get(SystemTexts.Yes), texts.Get(SystemTexts.No)]);

    protected override IReadOnlyDictionary<string, Target> WhenGiven(Config config) => config.Prompt.WhenGiven;

    protected override async Task<StepResult> RunAsync(StepRun run, Config config, CancellationToken cancellationToken)
    {
        if (config.Prompt.AlreadyGiven(run) is { } given)
        {
            return given;
        }

        var texts = run.Catalog.Texts;
        var options = config.Prompt.Options(run, [new ChoiceOption(texts.Get(SystemTexts.Yes)), new ChoiceOption(texts.Get(SystemTexts.No))]);
        await run.Dialogs.BeginDialogAsync(ConfirmPrompt.DefaultId, options, cancellationToken);
        return StepResult.Wait;
    }

    protected override Task<StepResult> ResumeAsync(StepRun run, Config config, PromptResult? result, CancellationToken cancellationToken) =>
        Task.FromResult(result is { Succeeded: true, Value: bool yes }
            ? config.Prompt.Answered(run, yes ? config.Yes : config.No, result)
            : config.Prompt.Instead(run, result) ?? config.Prompt.Fail(run));
}
