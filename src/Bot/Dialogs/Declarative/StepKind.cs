using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>A step kind with its typed configuration: the one place where a loaded step's configuration is read back as its type.</summary>
internal abstract class StepKind<TConfig> : IStepKind where TConfig : class
{
    private static readonly IReadOnlyDictionary<string, Target> NoTargets = new Dictionary<string, Target>();

    public abstract string Kind { get; }

    public abstract IReadOnlySet<string> Keys { get; }

    public abstract bool FallsThrough { get; }

    public virtual bool Waits => false;

    object IStepKind.Parse(YamlMappingNode node, StepParser parser) => Parse(node, parser);

    IEnumerable<StepText> IStepKind.Texts(StepNode step, TextCatalog texts) => Texts(ConfigOf(step), texts);

    AskedValue? IStepKind.Asks(StepNode step) => Asks(ConfigOf(step));

    IReadOnlyDictionary<string, Target> IStepKind.WhenGiven(StepNode step) => WhenGiven(ConfigOf(step)) ?? NoTargets;

    Task<StepResult> IStepKind.RunAsync(StepRun run, CancellationToken cancellationToken) => RunAsync(run, ConfigOf(run.Step), cancellationToken);

    Task<StepResult> IStepKind.ResumeAsync(StepRun run, PromptResult? result, CancellationToken cancellationToken) =>
        ResumeAsync(run, ConfigOf(run.Step), result, cancellationToken);

    protected abstract TConfig Parse(YamlMappingNode node, StepParser parser);

    protected abstract IEnumerable<StepText> Texts(TConfig config, TextCatalog texts);

    protected virtual AskedValue? Asks(TConfig config) => null;

    protected virtual IReadOnlyDictionary<string, Target>? WhenGiven(TConfig config) => null;

    protected abstract Task<StepResult> RunAsync(StepRun run, TConfig config, CancellationToken cancellationToken);

    protected virtual Task<StepResult> ResumeAsync(StepRun run, TConfig config, PromptResult? result, CancellationToken cancellationToken) =>
        Task.FromResult(StepResult.Continue());

    private TConfig ConfigOf(StepNode step) =>
        step.Config as TConfig ?? throw new InvalidOperationException($"{step.Position}: the step « {step.Id} » was not loaded by « {Kind} ».");
}
