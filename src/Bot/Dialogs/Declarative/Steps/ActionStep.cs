using SupportBot.Bot.Dialogs.Actions;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// <c>kind: action</c> — runs a named C# action (<c>action</c>) with constant arguments (<c>with</c>); its outcome
/// chooses the target in <c>outcomes</c>, else the step goes on.
/// </summary>
internal sealed class ActionStep : StepKind<ActionStep.Config>
{
    internal sealed record Config(IDialogAction? Action, IReadOnlyDictionary<string, string> Arguments, IReadOnlyDictionary<string, Target> Outcomes);

    public override string Kind => "action";

    public override IReadOnlySet<string> Keys { get; } = new HashSet<string> { "action", "with", "outcomes" };

    public override bool FallsThrough => true;

    protected override Config Parse(YamlMappingNode node, StepParser parser)
    {
        var name = parser.String(node, "action", required: true);
        var action = name is null ? null : parser.Actions.Find(name);
        if (name is not null && action is null)
        {
            parser.Error(YamlReader.Child(node, "action")!,
                $"unknown action « {name} » (known: {string.Join(", ", parser.Actions.Names)}).");
        }

        var arguments = new Dictionary<string, string>();
        if (parser.Map(node, "with") is { } with)
        {
            foreach (var (key, _) in with.Children)
            {
                var parameter = (key as YamlScalarNode)?.Value ?? "";
                if (action is not null && !action.Parameters.Contains(parameter))
                {
                    parser.Error(key, $"the action « {name} » has no parameter « {parameter} » (expected: {string.Join(", ", action.Parameters)}).");
                }
                else if (parser.String(with, parameter, required: true) is { } value)
                {
                    if (action?.CheckArgument(parameter, value) is { } problem)
                    {
                        parser.Error(key, problem);
                    }

                    arguments[parameter] = value;
                }
            }
        }

        if (action is not null)
        {
            foreach (var missing in action.RequiredParameters.Where(p => !arguments.ContainsKey(p)))
            {
                parser.Error(node, $"the action « {name} » needs « with: {missing}: ... ».");
            }
        }

        var outcomes = new Dictionary<string, Target>();
        if (parser.Map(node, "outcomes") is { } map)
        {
            foreach (var (key, value) in map.Children)
            {
                var outcome = (key as YamlScalarNode)?.Value ?? "";
                if (action is not null && !action.Outcomes.Contains(outcome))
                {
                    parser.Error(key, $"the action « {name} » has no outcome « {outcome} » (expected: {string.Join(", ", action.Outcomes)}).");
                }
                else if (parser.Target(value) is { } target)
                {
                    outcomes[outcome] = target;
                }
            }
        }

        return new Config(action, arguments, outcomes);
    }

    protected override IEnumerable<StepText> Texts(Config config, TextCatalog texts) => [];

    protected override async Task<StepResult> RunAsync(StepRun run, Config config, CancellationToken cancellationToken)
    {
        var action = config.Action ?? throw new InvalidOperationException($"{run.Step.Position}: unknown action.");
        var outcome = await action.RunAsync(new DialogActionContext(run, config.Arguments), cancellationToken);
        return StepResult.Continue(config.Outcomes.GetValueOrDefault(outcome));
    }
}
