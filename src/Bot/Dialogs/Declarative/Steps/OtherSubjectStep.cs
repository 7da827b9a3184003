using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Language;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// <c>kind: other-subject</c> — when the message that started the path also raised another subject
/// (<see cref="Turns.ConversationData.OtherSubject"/>), asks <c>text</c> (<c>{sujet}</c>: that path's title) as a yes/no
/// question: yes starts that path with the values of that message it can use, no goes to <c>no</c> (else the step
/// below). Without such a subject, the step goes on to the step below without a word.
/// </summary>
internal sealed class OtherSubjectStep : StepKind<OtherSubjectStep.Config>
{
    internal sealed record Config(PromptSettings Prompt, Target? No);

    public const string SubjectName = "sujet";

    public override string Kind => "other-subject";

    public override IReadOnlySet<string> Keys { get; } = new HashSet<string>(PromptSettings.Keys.Append("no"));

    public override bool FallsThrough => true;

    public override bool Waits => true;

    protected override Config Parse(YamlMappingNode node, StepParser parser) => new(PromptSettings.Parse(node, parser), parser.Target(node, "no"));

    protected override IEnumerable<StepText> Texts(Config config, TextCatalog texts) =>
        config.Prompt.Texts([texts.Get(SystemTexts.Yes), texts.Get(SystemTexts.No)]);

    protected override IReadOnlyDictionary<string, Target> WhenGiven(Config config) => config.Prompt.WhenGiven;

    protected override async Task<StepResult> RunAsync(StepRun run, Config config, CancellationToken cancellationToken)
    {
        var conversation = run.Dialogs.Turn.Conversation;
        if (conversation.OtherSubject is not { } subject || !run.Catalog.Dialogs.TryGetValue(subject.DialogId, out var other))
        {
            conversation.OtherSubject = null;
            return StepResult.Continue();
        }

        var texts = run.Catalog.Texts;
        var options = config.Prompt.Options(run, [new ChoiceOption(texts.Get(SystemTexts.Yes)), new ChoiceOption(texts.Get(SystemTexts.No))]);
        options = options with
        {
            Prompt = options.Prompt.Format(SubjectName, other.Title),
            Retry = options.Retry?.Format(SubjectName, other.Title),
        };
        await run.Dialogs.BeginDialogAsync(ConfirmPrompt.DefaultId, options, cancellationToken);
        return StepResult.Wait;
    }

    protected override Task<StepResult> ResumeAsync(StepRun run, Config config, PromptResult? result, CancellationToken cancellationToken)
    {
        var conversation = run.Dialogs.Turn.Conversation;
        var subject = conversation.OtherSubject;
        conversation.OtherSubject = null;

        // « d'accord merci » acknowledges and takes leave, where « oui merci » accepts the offer.
        if (result is { Succeeded: true, Value: true } && run.Dialogs.Turn.Reading is { } reading && FrenchYesNo.IsAcknowledgement(reading.Text)
            && reading.Intent is { IsUnsure: false, Intent: { } intent } && config.Prompt.OnIntent.TryGetValue(intent, out var instead))
        {
            return Task.FromResult(StepResult.Continue(instead));
        }

        var outcome = result switch
        {
            { Succeeded: true, Value: true } when subject is not null =>
                StepResult.Continue(new Target(Target.DialogPrefix + subject.DialogId, run.Step.Position), subject.Heard),
            { Succeeded: true } => StepResult.Continue(config.No),
            _ => config.Prompt.Instead(run, result) ?? config.Prompt.Fail(run),
        };
        return Task.FromResult(outcome);
    }
}
