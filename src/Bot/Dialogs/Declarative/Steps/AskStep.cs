using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// <c>kind: ask</c> — asks with a prompt (<c>prompt: text|email|phone|date|identifier|reference</c>) and keeps the answer
/// as <c>into</c>; a value already known (given when the dialog began) is not asked again. <c>retry-when</c> gives a retry
/// text per problem (dates: impossible, future, incomplete, not-found).
/// </summary>
internal sealed class AskStep : StepKind<AskStep.Config>
{
    internal sealed record Config(PromptSettings Prompt, string PromptId, string Into, IReadOnlyDictionary<string, MessageText> Retries);

    private static readonly Dictionary<string, (string DialogId, IReadOnlyList<string> Problems)> Prompts = new()
    {
        ["text"] = (TextPrompt.DefaultId, ["empty", "too-long"]),
        ["email"] = (EmailPrompt.DefaultId, ["not-recognized"]),
        ["phone"] = (PhonePrompt.DefaultId, ["not-recognized"]),
        ["date"] = (DatePrompt.DefaultId, DatePrompt.Problems),
        ["identifier"] = (IdentifierPrompt.DefaultId, IdentifierPrompt.Problems),
        ["reference"] = (ReferencePrompt.DefaultId, ["not-recognized"]),
    };

    public override string Kind => "ask";

    public override IReadOnlySet<string> Keys { get; } = new HashSet<string>(PromptSettings.Keys.Concat(["prompt", "into", "retry-when"]));

    public override bool FallsThrough => true;

    protected override Config Parse(YamlMappingNode node, StepParser parser)
    {
        var settings = PromptSettings.Parse(node, parser);
        var prompt = parser.String(node, "prompt", required: true) ?? "text";
        if (!Prompts.TryGetValue(prompt, out var known))
        {
            parser.Error(YamlReader.Child(node, "prompt")!, $"unknown prompt « {prompt} » (expected: {string.Join(", ", Prompts.Keys)}).");
            known = Prompts["text"];
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

        return new Config(settings, known.DialogId, into, retries);
    }

    protected override IEnumerable<StepText> Texts(Config config, TextCatalog texts)
    {
        return config.Prompt.Texts().Concat(config.Retries.Select(r => new StepText("retry-when " + r.Key, r.Value)));
    }

    protected override async Task<StepResult> RunAsync(StepRun run, Config config, CancellationToken cancellationToken)
    {
        if (run.Values.TryGetValue(config.Into, out var known) && known.Length > 0)
        {
            return StepResult.Continue();
        }

        var retries = config.Retries.ToDictionary(r => r.Key, r => r.Value.Format(run.Values));
        await run.Dialogs.BeginDialogAsync(config.PromptId, config.Prompt.Options(run, retries: retries), cancellationToken);
        return StepResult.Wait;
    }

    protected override async Task<StepResult> ResumeAsync(StepRun run, Config config, PromptResult? result, CancellationToken cancellationToken)
    {
        if (result is not { Succeeded: true, Value: { } value })
        {
            return await config.Prompt.FailAsync(run, cancellationToken);
        }

        run.Values[config.Into] = value.ToString() ?? "";
        return StepResult.Continue();
    }
}
