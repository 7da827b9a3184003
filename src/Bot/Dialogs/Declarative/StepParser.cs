using SupportBot.Bot.Dialogs.Actions;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>What a step kind needs to read its configuration: typed reads with positions, targets, the named actions.</summary>
internal sealed class StepParser
{
    private readonly List<Target> _targets = [];

    internal StepParser(YamlReader reader, DialogActionRegistry actions)
    {
        Reader = reader;
        Actions = actions;
    }

    internal YamlReader Reader { get; }

    public DialogActionRegistry Actions { get; }

    public IReadOnlyList<Target> Targets => _targets;

    public SourcePosition At(YamlNode node) => Reader.At(node);

    public void Error(YamlNode node, string message) => Reader.Error(node, message);

    public string? String(YamlMappingNode map, string key, bool required = false) => Reader.String(map, key, required);

    public int? Int(YamlMappingNode map, string key) => Reader.Int(map, key);

    public YamlMappingNode? Map(YamlMappingNode map, string key, bool required = false) => Reader.Map(map, key, required);

    public YamlSequenceNode? List(YamlMappingNode map, string key, bool required = false) => Reader.List(map, key, required);

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key) => Reader.Strings(map, key);

    public MessageText? Text(YamlMappingNode map, string key, bool required = true) => Reader.Text(map, key, required);

    public void RejectUnknownKeys(YamlMappingNode map, IReadOnlySet<string> known, string where) => Reader.RejectUnknownKeys(map, known, where);

    /// <summary>Reads a target (step id, <c>dialogue:x</c> or <c>fin</c>) and records it for the reference checks.</summary>
    public Target? Target(YamlMappingNode map, string key, bool required = false)
    {
        var value = Reader.String(map, key, required);
        if (value is null)
        {
            return null;
        }

        return Add(new Target(value.Trim(), Reader.At(YamlReader.Child(map, key)!)));
    }

    public Target? Target(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return Add(new Target(value.Trim(), Reader.At(node)));
        }

        Reader.Error(node, "a target (step id, dialogue:<id> or fin) was expected.");
        return null;
    }

    private Target Add(Target target)
    {
        _targets.Add(target);
        return target;
    }
}
