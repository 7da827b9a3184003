using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// <c>kind: school</c> — asks <c>text</c> and finds the school in the directory (<see cref="SchoolDialog"/>): confirm,
/// choose, or ask the commune; after two misses the académie routes the case. Keeps the parent's words as <c>into</c>,
/// and the school confirmed as <c>ecole-uai</c>, <c>ecole-nom</c>, <c>ecole-commune</c> (empty when none: the académie).
/// </summary>
internal sealed class SchoolStep : StepKind<SchoolStep.Config>
{
    internal sealed record Config(MessageText Text, string Into);

    public const string Uai = "ecole-uai";
    public const string Name = "ecole-nom";
    public const string Commune = "ecole-commune";

    public override string Kind => "school";

    public override IReadOnlySet<string> Keys { get; } = new HashSet<string> { "text", "into" };

    public override bool FallsThrough => true;

    public override bool Waits => true;

    protected override Config Parse(YamlMappingNode node, StepParser parser) => new(
        parser.Text(node, "text") ?? new MessageText("", "", parser.At(node)),
        parser.String(node, "into", required: true) ?? "");

    protected override IEnumerable<StepText> Texts(Config config, TextCatalog texts) => [new StepText("text", config.Text)];

    /// <summary>The school named before it is asked (« mon fils est à l'école Jean Moulin de Rennes ») is searched first.</summary>
    protected override AskedValue? Asks(Config config) => new(PromptKinds.School.DialogId, config.Into);

    protected override async Task<StepResult> RunAsync(StepRun run, Config config, CancellationToken cancellationToken)
    {
        var heard = run.Values.TryGetValue(config.Into, out var words) && words.Length > 0 ? words : null;
        await run.Dialogs.BeginDialogAsync(SchoolDialog.DefaultId, new SchoolDialog.Question(config.Text.Format(run.Values), heard), cancellationToken);
        return StepResult.Wait;
    }

    protected override Task<StepResult> ResumeAsync(StepRun run, Config config, PromptResult? result, CancellationToken cancellationToken)
    {
        var answer = result?.Value as SchoolDialog.SchoolAnswer ?? new SchoolDialog.SchoolAnswer("", null);
        run.Values[config.Into] = answer.Words;
        run.Values[Uai] = answer.School?.Uai ?? "";
        run.Values[Name] = answer.School?.Name ?? "";
        run.Values[Commune] = answer.School?.Commune ?? "";
        return Task.FromResult(StepResult.Continue());
    }
}
