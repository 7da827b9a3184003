using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary><c>kind: message</c> — says <c>text</c> and goes on.</summary>
internal sealed class MessageStep : StepKind<MessageStep.Config>
{
    internal sealed record Config(MessageText Text);

    public override string Kind => "message";

    public override IReadOnlySet<string> Keys { get; } = new HashSet<string> { "text" };

    public override bool FallsThrough => true;

    protected override Config Parse(YamlMappingNode node, StepParser parser) =>
        new Config(parser.Text(node, "text") ?? new MessageText("", "", parser.At(node)));

    protected override IEnumerable<StepText> Texts(Config config, TextCatalog texts) => [new StepText("text", config.Text)];

    protected override async Task<StepResult> RunAsync(StepRun run, Config config, CancellationToken cancellationToken)
    {
        await run.SayAsync(config.Text, cancellationToken);
        return StepResult.Continue();
    }
}
