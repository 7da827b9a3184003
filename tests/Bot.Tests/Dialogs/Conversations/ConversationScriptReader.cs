using System.Text.RegularExpressions;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Dialogs.Declarative;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Tests.Dialogs.Conversations;

/// <summary>
/// Reads the files of dialogs/conversations/ (schema in dialogs/conversations/README.md) and reports every problem as
/// file:line, as the dialog catalog does, so a badly written conversation fails with where to fix it.
/// </summary>
internal static partial class ConversationScriptReader
{
    public const string Schema = "supportbot/conversations/1";
    public const string Academie = "academie";

    private static readonly HashSet<string> FileKeys = ["schema", "theme", "conversations"];
    private static readonly HashSet<string> ConversationKeys = ["id", "channels", "source", "note", "turns", "cases"];
    private static readonly HashSet<string> TurnKeys = ["parent", "join", "channel", "expect", "refuse", "note"];
    private static readonly HashSet<string> CaseKeys = ["kind", "school"];

    public static string Folder => Path.Combine(BotTestHost.RepositoryDialogs, "conversations");

    /// <summary>Every file of <paramref name="folder"/>, displayed as dialogs/conversations/x.yaml.</summary>
    public static (IReadOnlyList<ConversationScript> Conversations, IReadOnlyList<DialogDiagnostic> Problems) ReadFolder(string folder)
    {
        var files = System.IO.Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => ("dialogs/conversations/" + Path.GetRelativePath(folder, f).Replace('\\', '/'), (Func<TextReader>)(() => new StreamReader(f))));
        return Read(files);
    }

    public static (IReadOnlyList<ConversationScript> Conversations, IReadOnlyList<DialogDiagnostic> Problems) Read(
        IEnumerable<(string Display, Func<TextReader> Open)> files)
    {
        var problems = new List<DialogDiagnostic>();
        var conversations = new List<ConversationScript>();
        foreach (var (display, open) in files)
        {
            var reader = new YamlReader(display, problems);
            if (Parse(display, open, problems) is not { } root)
            {
                continue;
            }

            reader.RejectUnknownKeys(root, FileKeys, "a conversations file");
            if (reader.String(root, "schema") != Schema)
            {
                reader.Error(YamlReader.Child(root, "schema") ?? root, $"the file must declare « schema: {Schema} ».");
                continue;
            }

            foreach (var item in reader.List(root, "conversations", required: true)?.Children ?? [])
            {
                if (item is not YamlMappingNode node)
                {
                    reader.Error(item, "a conversation must be a mapping (id:, channels:, source:, turns:).");
                }
                else if (ReadConversation(node, reader) is { } conversation)
                {
                    if (conversations.FirstOrDefault(c => c.Id == conversation.Id) is { } same)
                    {
                        reader.Error(YamlReader.Child(node, "id")!, $"the conversation id « {conversation.Id} » is already used at {same.Position}.");
                    }

                    conversations.Add(conversation);
                }
            }
        }

        return (conversations, problems);
    }

    private static YamlMappingNode? Parse(string display, Func<TextReader> open, List<DialogDiagnostic> problems)
    {
        try
        {
            using var text = open();
            var stream = new YamlStream();
            stream.Load(text);
            if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map)
            {
                return map;
            }

            problems.Add(new DialogDiagnostic(new SourcePosition(display, 1), "the file must hold one YAML mapping (schema:, conversations:)."));
        }
        catch (YamlException e)
        {
            problems.Add(new DialogDiagnostic(new SourcePosition(display, (int)e.Start.Line), $"YAML syntax error: {e.Message}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way, without a position, on a list or a quote left open at the end of the file.
            problems.Add(new DialogDiagnostic(new SourcePosition(display, 1), "YAML syntax error: a list « [ » or a quote left open until the end of the file."));
        }

        return null;
    }

    private static ConversationScript? ReadConversation(YamlMappingNode node, YamlReader reader)
    {
        var before = reader.Diagnostics.Count;
        reader.RejectUnknownKeys(node, ConversationKeys, "a conversation");
        var id = reader.String(node, "id", required: true);
        if (id is not null && !IdShape().IsMatch(id))
        {
            reader.Error(YamlReader.Child(node, "id")!, $"the id « {id} » must be lower-case letters, digits and hyphens.");
        }

        var channels = reader.Strings(node, "channels");
        if (YamlReader.Child(node, "channels") is null || channels.Count == 0)
        {
            reader.Error(YamlReader.Child(node, "channels") ?? node, "« channels » must list web, sms or both.");
        }

        foreach (var channel in channels.Where(c => c is not (ConversationScript.WebChannel or ConversationScript.SmsChannel)))
        {
            reader.Error(YamlReader.Child(node, "channels")!, $"unknown channel « {channel} » (web, sms).");
        }

        if (string.IsNullOrWhiteSpace(reader.String(node, "source", required: true)) && YamlReader.Child(node, "source") is { } empty)
        {
            reader.Error(empty, "« source » must name the seed or the DOMAIN section the conversation comes from.");
        }

        reader.String(node, "note");
        var turns = new List<ScriptTurn>();
        var list = reader.List(node, "turns", required: true);
        foreach (var item in list?.Children ?? [])
        {
            if (item is not YamlMappingNode turn)
            {
                reader.Error(item, "a turn must be a mapping (parent:, expect:, refuse:).");
            }
            else if (ReadTurn(turn, reader, channels) is { } read)
            {
                turns.Add(read);
            }
        }

        if (list is { Children.Count: 0 })
        {
            reader.Error(list, "a conversation needs at least one turn.");
        }

        var cases = ReadCases(node, reader);
        return reader.Diagnostics.Count > before || id is null
            ? null
            : new ConversationScript(id, channels, reader.String(node, "source")!, turns, cases, reader.At(node));
    }

    private static ScriptTurn? ReadTurn(YamlMappingNode node, YamlReader reader, IReadOnlyList<string> channels)
    {
        var before = reader.Diagnostics.Count;
        reader.RejectUnknownKeys(node, TurnKeys, "a turn");
        var parent = reader.String(node, "parent");
        var join = reader.String(node, "join") switch
        {
            null => false,
            "true" => true,
            var other => Fail($"« join » must be true, not « {other} ».", YamlReader.Child(node, "join")!),
        };
        if (parent is null == !join)
        {
            reader.Error(node, "a turn has either « parent: » (what the parent writes) or « join: true » (the parent opens the chat again).");
        }
        else if (parent is not null && string.IsNullOrWhiteSpace(parent))
        {
            reader.Error(YamlReader.Child(node, "parent")!, "« parent » is empty.");
        }

        var channel = reader.String(node, "channel");
        if (channel is not null && !channels.Contains(channel))
        {
            reader.Error(YamlReader.Child(node, "channel")!, $"the turn's channel « {channel} » is not one of the conversation's ({string.Join(", ", channels)}).");
        }

        if (join && channel == ConversationScript.SmsChannel)
        {
            reader.Error(YamlReader.Child(node, "channel")!, "« join » happens on the web only (the help page opened again).");
        }

        reader.String(node, "note");
        var expect = new List<IReadOnlyList<string>>();
        foreach (var item in reader.List(node, "expect")?.Children ?? [])
        {
            switch (item)
            {
                case YamlScalarNode { Value: { } one } when !string.IsNullOrWhiteSpace(one):
                    expect.Add([one]);
                    break;
                case YamlSequenceNode anyOf when anyOf.Children.Count > 0
                    && anyOf.Children.All(a => a is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)):
                    expect.Add([.. anyOf.Children.Cast<YamlScalarNode>().Select(a => a.Value!)]);
                    break;
                default:
                    reader.Error(item, "an « expect » entry is a fragment, or a list of alternative fragments (any of them).");
                    break;
            }
        }

        var refuse = reader.Strings(node, "refuse");
        return reader.Diagnostics.Count > before
            ? null
            : new ScriptTurn(parent, join, channel, expect, refuse, reader.At(node));

        bool Fail(string message, YamlNode at)
        {
            reader.Error(at, message);
            return false;
        }
    }

    private static List<ExpectedCase>? ReadCases(YamlMappingNode node, YamlReader reader)
    {
        var list = reader.List(node, "cases");
        if (list is null)
        {
            return null;
        }

        var cases = new List<ExpectedCase>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                reader.Error(item, "a case is a mapping: « kind: » and « school: » (a UAI, or academie).");
                continue;
            }

            reader.RejectUnknownKeys(map, CaseKeys, "a case");
            var kind = reader.String(map, "kind", required: true);
            var school = reader.String(map, "school", required: true);
            if (kind is not null && !Enum.TryParse<DirectorCaseKind>(kind, ignoreCase: false, out _))
            {
                reader.Error(YamlReader.Child(map, "kind")!, $"unknown case kind « {kind} » (known: {string.Join(", ", Enum.GetNames<DirectorCaseKind>())}).");
                continue;
            }

            if (school is not null && school != Academie && !Uai().IsMatch(school))
            {
                reader.Error(YamlReader.Child(map, "school")!, $"« {school} » is neither a UAI (0352207J) nor « {Academie} ».");
                continue;
            }

            if (kind is not null && school is not null)
            {
                cases.Add(new ExpectedCase(Enum.Parse<DirectorCaseKind>(kind), school == Academie ? null : school));
            }
        }

        return cases;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdShape();

    [GeneratedRegex("^[0-9]{7}[A-Z]$")]
    private static partial Regex Uai();
}
