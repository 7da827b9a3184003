using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>Typed reads of YAML nodes that report what is wrong, and where, instead of throwing.</summary>
internal sealed class YamlReader(string file, List<DialogDiagnostic> diagnostics)
{
    public string File => file;

    public List<DialogDiagnostic> Diagnostics => diagnostics;

    public SourcePosition At(YamlNode node) => new(file, (int)node.Start.Line);

    public void Error(YamlNode node, string message) => diagnostics.Add(new DialogDiagnostic(At(node), message));

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? String(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"« {key} » is missing.");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Error(node, $"« {key} » must be a single value.");
        return null;
    }

    public int? Int(YamlMappingNode map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, out var value) && value > 0)
        {
            return value;
        }

        Error(Child(map, key)!, $"« {key} » must be a positive whole number, not « {text} ».");
        return null;
    }

    public bool? Bool(YamlMappingNode map, string key)
    {
        var text = String(map, key);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error(Child(map, key)!, $"« {key} » must be true or false, not « {text} ».");
                return null;
        }
    }

    public YamlMappingNode? Map(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        switch (node)
        {
            case null when required:
                Error(map, $"« {key} » is missing.");
                return null;
            case null:
                return null;
            case YamlMappingNode m:
                return m;
            default:
                Error(node, $"« {key} » must be a mapping (key: value lines).");
                return null;
        }
    }

    public YamlSequenceNode? List(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        switch (node)
        {
            case null when required:
                Error(map, $"« {key} » is missing.");
                return null;
            case null:
                return null;
            case YamlSequenceNode s:
                return s;
            default:
                Error(node, $"« {key} » must be a list (lines starting with « - »).");
                return null;
        }
    }

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key)
    {
        var list = List(map, key);
        if (list is null)
        {
            return [];
        }

        var values = new List<string>();
        foreach (var item in list)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
            {
                values.Add(value);
            }
            else
            {
                Error(item, $"« {key} » must list single values.");
            }
        }

        return values;
    }

    /// <summary>
    /// A text: either one string for both channels, or <c>web:</c> (Markdown) and <c>sms:</c> (plain text); both variants are required.
    /// </summary>
    public MessageText? Text(YamlMappingNode map, string key, bool required = true)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"the text « {key} » is missing.");
            }

            return null;
        }

        switch (node)
        {
            case YamlScalarNode { Value: { } both } when !string.IsNullOrWhiteSpace(both):
                return new MessageText(both.TrimEnd(), both.TrimEnd(), At(node));
            case YamlMappingNode variants:
                var keyNode = map.Children.Keys.First(k => k is YamlScalarNode { Value: var v } && v == key);
                var web = String(variants, "web");
                var sms = String(variants, "sms");
                if (string.IsNullOrWhiteSpace(web))
                {
                    Error(keyNode, $"the text « {key} » has no « web » variant.");
                }

                if (string.IsNullOrWhiteSpace(sms))
                {
                    Error(keyNode, $"the text « {key} » has no « sms » variant.");
                }

                foreach (var extra in variants.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("web" or "sms")))
                {
                    Error(extra, $"unknown variant « {extra.Value} » in the text « {key} » (web or sms).");
                }

                return string.IsNullOrWhiteSpace(web) || string.IsNullOrWhiteSpace(sms)
                    ? null
                    : new MessageText(web.TrimEnd(), sms.TrimEnd(), At(node));
            default:
                Error(node, $"the text « {key} » is empty or is not a text.");
                return null;
        }
    }

    public void RejectUnknownKeys(YamlMappingNode map, IReadOnlySet<string> known, string where)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name))
            {
                Error(key, $"unknown key « {(key as YamlScalarNode)?.Value} » in {where} (expected: {string.Join(", ", known.Order())}).");
            }
        }
    }
}
