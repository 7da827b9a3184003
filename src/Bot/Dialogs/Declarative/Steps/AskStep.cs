using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// <c>kind: ask</c> — asks with a prompt (<c>prompt: text|email|phone|date|identifier|reference|parent-name|child-name</c>) and keeps the answer
/// as <c>into</c>; a value already known (given before it was asked) is not asked again, and <c>noted</c> says so.
/// <c>retry-when</c> gives a retry text per problem (dates: impossible, future, incomplete, not-found). A value the
/// questions below it ask for, given instead of the answer, is kept for them and the question asked again.
/// </summary>
internal sealed class AskStep : StepKind<AskStep.Config>
{
    internal sealed record Config(PromptSettings Prompt, string PromptId, string Into, IReadOnlyDictionary<string, MessageText> Retries,
        MessageText? Noted);

    public override string Kind => "ask";

    public override IReadOnlySet<string> Keys { get; } = new HashSet<string>(PromptSettings.Keys.Concat(["prompt", "into", "retry-when", "noted"]));

    public override bool FallsThrough => true;

    public override bool Waits => true;

    protected override Config Parse(YamlMappingNode node, StepParser parser)
    {
        var settings = PromptSettings.Parse(node, parser);
        var prompt = parser.String(node, "prompt", required: true) ?? "text";
        if (!PromptKinds.All.TryGetValue(prompt, out var known))
        {
            parser.Error(YamlReader.Child(node, "prompt")!, $"unknown prompt « {prompt} » (expected: {string.Join(", ", PromptKinds.All.Keys)}).");
            known = PromptKinds.All["text"];
        }

        var into = parser.String(node, "into", required: true) ?? "";
        var retries = new Dictionary<string, MessageText>();
        if (parser.Map(node, "retry-when") is { } when)
        {
            foreach (var (key, _) in when.Children)
            {
                var problem = (key as YamlScalarNode)?.Value ?? "";
                if (!known.Problems.Contains(problem))
                {
                    parser.Error(key, $"the prompt « {prompt} » has no problem « {problem} » (expected: {string.Join(", ", known.Problems)}).");
                }
                else if (parser.Text(when, problem) is { } text)
                {
                    retries[problem] = text;
                }
            }
        }

        return new Config(settings, known.DialogId, into, retries, parser.Text(node, "noted", required: false));
    }

    protected override IEnumerable<StepText> Texts(Config config, TextCatalog texts)
    {
        var noted = config.Noted is null ? [] : new[] { new StepText("noted", config.Noted) };
        return config.Prompt.Texts().Concat(config.Retries.Select(r => new StepText("retry-when " + r.Key, r.Value))).Concat(noted);
    }

    protected override AskedValue? Asks(Config config) => new(config.PromptId, config.Into);

    protected override IReadOnlyDictionary<string, Target> WhenGiven(Config config) => config.Prompt.WhenGiven;

    protected override async Task<StepResult> RunAsync(StepRun run, Config config, CancellationToken cancellationToken)
    {
        if (run.Values.TryGetValue(config.Into, out var known) && known.Length > 0)
        {
            if (config.Noted is { } noted)
            {
                await run.SayAsync(noted, cancellationToken);
            }

            return StepResult.Continue();
        }

        if (config.Prompt.AlreadyGiven(run) is { } elsewhere)
        {
            return elsewhere;
        }

        var retries = config.Retries.ToDictionary(r => r.Key, r => r.Value.Format(run.Values));
        var later = Later(run, config).Select(a => a.Prompt);
        await run.Dialogs.BeginDialogAsync(config.PromptId, config.Prompt.Options(run, retries: retries, hears: later), cancellationToken);
        return StepResult.Wait;
    }

    protected override Task<StepResult> ResumeAsync(StepRun run, Config config, PromptResult? result, CancellationToken cancellationToken)
    {
        if (result is { Succeeded: true, Value: { } value })
        {
            run.Values[config.Into] = value.ToString() ?? "";
            KeepForLater(run, config, result.Heard);
            return Task.FromResult(StepResult.Continue());
        }

        if (config.Prompt.Instead(run, result) is { } instead)
        {
            return Task.FromResult(instead);
        }

        return Task.FromResult(KeepForLater(run, config, result?.Heard)
            ? StepResult.Continue(new Target(run.Step.Id, run.Step.Position))
            : config.Prompt.Fail(run));
    }

    /// <summary>The questions further on whose values can be heard now (not this one's own kind: that would be its answer).</summary>
    private static IEnumerable<AskedValue> Later(StepRun run, Config config) =>
        run.Document.LaterAsks(run.Step).Where(a => a.Prompt != config.PromptId && PromptKinds.IsHeard(a.Prompt) && !run.Values.ContainsKey(a.Into));

    private static bool KeepForLater(StepRun run, Config config, IReadOnlyDictionary<string, string>? heard)
    {
        if (heard is null)
        {
            return false;
        }

        // The first question of each kind takes it: a date given early is the first date asked.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var asked in Later(run, config).ToList())
        {
            if (heard.TryGetValue(asked.Prompt, out var value) && taken.Add(asked.Prompt))
            {
                run.Values[asked.Into] = value;
            }
        }

        return taken.Count > 0;
    }
}
