using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary><c>kind: message</c> — says <c>text</c> and goes on.</summary>
internal sealed class MessageStep : IStepKind
{
    internal sealed record Config(MessageText Text);

    public string Kind => "message";

    public IReadOnlySet<string> Keys { get; } = new HashSet<string> { "text" };

    public bool FallsThrough => true;

    public object Parse(YamlMappingNode node, StepParser parser) =>
        new Config(parser.Text(node, "text") ?? new MessageText("", "", parser.At(node)));

    public IEnumerable<StepText> Texts(StepNode step, TextCatalog texts) => [new StepText("text", ((Config)step.Config).Text)];

    public async Task<StepResult> RunAsync(StepRun run, CancellationToken cancellationToken)
    {
        await run.SayAsync(((Config)run.Step.Config).Text, cancellationToken);
        return StepResult.Continue();
    }

    public Task<StepResult> ResumeAsync(StepRun run, PromptResult? result, CancellationToken cancellationToken) =>
        Task.FromResult(StepResult.Continue());
}
