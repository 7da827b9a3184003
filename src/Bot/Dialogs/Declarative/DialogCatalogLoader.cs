using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Dialogs.Declarative.Steps;
using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Language;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// Loads and checks the YAML files under dialogs/ (except dialogs/intents/, the training utterances, and
/// dialogs/conversations/, the conversation evaluation's scripts). Every problem is
/// reported with file:line: schema, unknown keys and step kinds, unknown actions, missing texts, dangling references,
/// unreachable steps, duplicate ids, intents or commands, <c>when-given</c> targets that do not ask for their value,
/// interjections that ask something.
/// </summary>
internal sealed class DialogCatalogLoader(IEnumerable<IStepKind> kinds, DialogActionRegistry actions)
{
    public const string DialogSchema = "supportbot/dialogue/1";
    public const string TextsSchema = "supportbot/textes/1";

    private static readonly HashSet<string> DialogKeys = ["schema", "id", "title", "intents", "commands", "interjection", "steps"];
    private static readonly HashSet<string> TextsKeys = ["schema", "texts"];
    private static readonly HashSet<string> CommonStepKeys = ["id", "kind", "next", "channel"];

    /// <summary>Folders of dialogs/ that other features own: the intents' training utterances, the conversation evaluation.</summary>
    private static readonly string[] OtherFeaturesFolders = ["intents", "conversations"];

    private readonly Dictionary<string, IStepKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    /// <summary>Files of <paramref name="folder"/>, as displayed: dialogs/menu.yaml.</summary>
    public static IReadOnlyList<(string Path, string Display)> Files(string folder)
    {
        var root = Path.GetFullPath(folder);
        var shown = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        var skipped = OtherFeaturesFolders.Select(f => Path.Combine(root, f) + Path.DirectorySeparatorChar).ToArray();
        return [.. System.IO.Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !skipped.Any(s => f.StartsWith(s, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, Path.Combine(shown, Path.GetRelativePath(root, f)).Replace('\\', '/')))];
    }

    public (DialogCatalog? Catalog, IReadOnlyList<DialogDiagnostic> Diagnostics) Load(string folder)
    {
        var diagnostics = new List<DialogDiagnostic>();
        if (!System.IO.Directory.Exists(folder))
        {
            diagnostics.Add(new DialogDiagnostic(new SourcePosition(folder, 0), "the dialogs folder does not exist."));
            return (null, diagnostics);
        }

        var files = Files(folder);
        return Load(files.Select(f => (f.Display, (Func<TextReader>)(() => new StreamReader(f.Path)))), diagnostics);
    }

    /// <summary>Loads from readers (tests give broken files this way); <paramref name="diagnostics"/> collects the problems.</summary>
    public (DialogCatalog? Catalog, IReadOnlyList<DialogDiagnostic> Diagnostics) Load(
        IEnumerable<(string Display, Func<TextReader> Open)> files, List<DialogDiagnostic>? diagnostics = null)
    {
        diagnostics ??= [];
        var dialogs = new Dictionary<string, DialogDocument>(StringComparer.Ordinal);
        var texts = new Dictionary<string, MessageText>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (display, open) in files)
        {
            count++;
            var reader = new YamlReader(display, diagnostics);
            var root = Parse(display, open, diagnostics);
            if (root is null)
            {
                continue;
            }

            var schema = reader.String(root, "schema");
            switch (schema)
            {
                case DialogSchema:
                    reader.RejectUnknownKeys(root, DialogKeys, "a dialog file");
                    if (ReadDialog(root, reader) is { } dialog && !dialogs.TryAdd(dialog.Id, dialog))
                    {
                        reader.Error(YamlReader.Child(root, "id")!, $"the dialog id « {dialog.Id} » is already used by {dialogs[dialog.Id].Position}.");
                    }

                    break;
                case TextsSchema:
                    reader.RejectUnknownKeys(root, TextsKeys, "a texts file");
                    ReadTexts(root, reader, texts);
                    break;
                default:
                    reader.Error(YamlReader.Child(root, "schema") ?? root,
                        $"the file must declare « schema: {DialogSchema} » or « schema: {TextsSchema} »{(schema is null ? "" : $", not « {schema} »")}.");
                    break;
            }
        }

        var intentRoutes = new Dictionary<string, string>(StringComparer.Ordinal);
        var commands = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckCatalog(dialogs, texts, intentRoutes, commands, diagnostics);
        if (diagnostics.Count > 0)
        {
            return (null, diagnostics);
        }

        return (new DialogCatalog(dialogs, new TextCatalog(texts), intentRoutes, commands, count), diagnostics);
    }

    private static YamlMappingNode? Parse(string display, Func<TextReader> open, List<DialogDiagnostic> diagnostics)
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

            diagnostics.Add(new DialogDiagnostic(new SourcePosition(display, 1), "the file must hold one YAML mapping (schema:, id:, ...)."));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new DialogDiagnostic(new SourcePosition(display, (int)e.Start.Line), $"YAML syntax error: {e.Message}"));
        }

        return null;
    }

    private DialogDocument? ReadDialog(YamlMappingNode root, YamlReader reader)
    {
        var id = reader.String(root, "id", required: true);
        var title = reader.Text(root, "title");
        var intents = reader.Strings(root, "intents");
        foreach (var intent in intents.Where(i => !Intents.All.Contains(i)))
        {
            reader.Error(YamlReader.Child(root, "intents")!, $"unknown intent « {intent} » (known: {string.Join(", ", Intents.All)}).");
        }

        var commands = reader.Strings(root, "commands");
        var interjection = reader.Bool(root, "interjection") ?? false;
        var steps = new List<StepNode>();
        var list = reader.List(root, "steps", required: true);
        foreach (var item in list?.Children ?? [])
        {
            if (item is not YamlMappingNode node)
            {
                reader.Error(item, "a step must be a mapping with « id » and « kind ».");
                continue;
            }

            if (ReadStep(node, reader, steps.Count) is { } step)
            {
                if (steps.FirstOrDefault(s => s.Id == step.Id) is { } same)
                {
                    reader.Error(node, $"the step id « {step.Id} » is already used at {same.Position}.");
                }

                steps.Add(step);
            }
        }

        if (list is not null && list.Children.Count == 0)
        {
            reader.Error(list, "a dialog needs at least one step.");
        }

        if (id is null || title is null)
        {
            return null;
        }

        var dialog = new DialogDocument
        {
            Id = id, File = reader.File, Position = reader.At(root), Title = title, Intents = intents, Commands = commands, Steps = steps,
            Interjection = interjection,
        };
        CheckSteps(dialog, reader);
        return dialog;
    }

    private StepNode? ReadStep(YamlMappingNode node, YamlReader reader, int index)
    {
        var id = reader.String(node, "id", required: true);
        var kindName = reader.String(node, "kind", required: true);
        if (id is null || kindName is null)
        {
            return null;
        }

        if (!_kinds.TryGetValue(kindName, out var kind))
        {
            reader.Error(YamlReader.Child(node, "kind")!, $"unknown step kind « {kindName} » (known: {string.Join(", ", _kinds.Keys.Order())}).");
            return null;
        }

        reader.RejectUnknownKeys(node, new HashSet<string>(CommonStepKeys.Concat(kind.Keys)), $"a « {kindName} » step");
        var parser = new StepParser(reader, actions);
        var next = parser.Target(node, "next");
        var channel = reader.String(node, "channel");
        if (channel is not null && channel != Channels.Web && channel != "web" && channel != Channels.Sms)
        {
            reader.Error(YamlReader.Child(node, "channel")!, $"unknown channel « {channel} » (expected: web, sms).");
        }

        var config = kind.Parse(node, parser);
        return new StepNode
        {
            Id = id, Kind = kind, Position = reader.At(node), Index = index, Next = next, Config = config, Targets = parser.Targets,
            Channel = channel,
        };
    }

    /// <summary>Step references resolve inside the file, and every step is reachable from the first one.</summary>
    private static void CheckSteps(DialogDocument dialog, YamlReader reader)
    {
        var ids = dialog.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var target in dialog.Steps.SelectMany(s => s.Targets).Where(t => t.IsStep && !ids.Contains(t.Value)))
        {
            reader.Diagnostics.Add(new DialogDiagnostic(target.Position,
                $"« {target.Value} » is not a step of the dialog « {dialog.Id} » (a step id, {Target.DialogPrefix}<id> or {Target.EndValue})."));
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<StepNode>();
        if (dialog.Steps.Count > 0)
        {
            pending.Push(dialog.Steps[0]);
        }

        while (pending.TryPop(out var step))
        {
            if (!reached.Add(step.Id))
            {
                continue;
            }

            var successors = step.Targets.Where(t => t.IsStep).Select(t => dialog.Find(t.Value)).OfType<StepNode>().ToList();
            if (step.Next is null && (step.Kind.FallsThrough || step.Channel is not null) && step.Index + 1 < dialog.Steps.Count)
            {
                successors.Add(dialog.Steps[step.Index + 1]);
            }

            successors.ForEach(pending.Push);
        }

        foreach (var step in dialog.Steps.Where(s => !reached.Contains(s.Id)))
        {
            reader.Diagnostics.Add(new DialogDiagnostic(step.Position, $"the step « {step.Id} » cannot be reached from the start of « {dialog.Id} »."));
        }

        foreach (var step in dialog.Steps)
        {
            foreach (var (prompt, target) in step.Kind.WhenGiven(step).Where(w => w.Value.IsStep && ids.Contains(w.Value.Value)))
            {
                if (dialog.AskedAt(target, prompt) is null)
                {
                    reader.Diagnostics.Add(new DialogDiagnostic(target.Position,
                        $"« {target.Value} » does not lead (through messages only) to a question asking for a value of kind « {KindName(prompt)} »; when-given goes where that value is asked."));
                }
            }
        }

        if (dialog.Interjection)
        {
            foreach (var step in dialog.Steps.Where(s => s.Kind.Waits || s.Targets.Any(t => t.DialogId is not null)))
            {
                reader.Diagnostics.Add(new DialogDiagnostic(step.Position,
                    $"the step « {step.Id} » asks something or leaves for another dialog; an interjection only talks, then the question waiting is asked again."));
            }
        }
    }

    private static string KindName(string prompt) => PromptKinds.All.FirstOrDefault(k => k.Value.DialogId == prompt).Key ?? prompt;

    private static void ReadTexts(YamlMappingNode root, YamlReader reader, Dictionary<string, MessageText> texts)
    {
        var map = reader.Map(root, "texts", required: true);
        foreach (var key in map?.Children.Keys ?? [])
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (reader.Text(map!, name) is not { } text)
            {
                continue;
            }

            if (texts.TryGetValue(name, out var other))
            {
                reader.Error(key, $"the text « {name} » is already defined at {other.Position}.");
            }

            texts[name] = text;
        }
    }

    private static void CheckCatalog(Dictionary<string, DialogDocument> dialogs, Dictionary<string, MessageText> texts,
        Dictionary<string, string> intentRoutes, Dictionary<string, string> commands, List<DialogDiagnostic> diagnostics)
    {
        foreach (var dialog in dialogs.Values)
        {
            foreach (var target in dialog.Steps.SelectMany(s => s.Targets).Where(t => t.DialogId is { } id && !dialogs.ContainsKey(id)))
            {
                diagnostics.Add(new DialogDiagnostic(target.Position, $"no dialog has the id « {target.DialogId} »."));
            }

            foreach (var step in dialog.Steps)
            {
                foreach (var (prompt, target) in step.Kind.WhenGiven(step))
                {
                    if (target.DialogId is { } id && dialogs.TryGetValue(id, out var other) && other.FirstAsk(prompt) is null)
                    {
                        diagnostics.Add(new DialogDiagnostic(target.Position,
                            $"the dialog « {id} » asks for no value of kind « {KindName(prompt)} »; when-given goes where that value is asked."));
                    }
                }
            }

            foreach (var intent in dialog.Intents)
            {
                if (!intentRoutes.TryAdd(intent, dialog.Id))
                {
                    diagnostics.Add(new DialogDiagnostic(dialog.Position, $"the intent « {intent} » is already routed to « {intentRoutes[intent]} »."));
                }
            }

            foreach (var command in dialog.Commands)
            {
                if (!commands.TryAdd(ChoicePrompt.Normalize(command), dialog.Id))
                {
                    diagnostics.Add(new DialogDiagnostic(dialog.Position, $"the command « {command} » already starts « {commands[ChoicePrompt.Normalize(command)]} »."));
                }
            }
        }

        var anywhere = new SourcePosition("dialogs/", 0);
        foreach (var id in SystemTexts.RequiredDialogs.Where(id => !dialogs.ContainsKey(id)))
        {
            diagnostics.Add(new DialogDiagnostic(anywhere, $"the dialog « {id} », which the engine starts by itself, is missing."));
        }

        foreach (var intent in Intents.All.Where(i => !intentRoutes.ContainsKey(i)))
        {
            diagnostics.Add(new DialogDiagnostic(anywhere, $"no dialog answers the intent « {intent} » (add it to a dialog's « intents »)."));
        }

        foreach (var name in SystemTexts.All.Where(n => !texts.ContainsKey(n)))
        {
            diagnostics.Add(new DialogDiagnostic(anywhere, $"the text « {name} », which the engine uses, is missing from the texts files."));
        }
    }
}
