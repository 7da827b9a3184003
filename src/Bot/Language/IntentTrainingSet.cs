using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Language;

/// <summary>
/// Reads the training utterances under dialogs/intents/: one YAML file per intent, so the assistance staff can add
/// phrasings next to the dialogs without touching code.
/// <code>
/// schema: supportbot/intent-utterances/v1
/// intent: mot_de_passe_oublie
/// utterances:
///   - J'ai oublié mon mot de passe
/// </code>
/// </summary>
internal static class IntentTrainingSet
{
    public const string Schema = "supportbot/intent-utterances/v1";

    /// <summary>
    /// Not an intent the dialogs route on: messages too vague to route ("j'ai un problème", "ça ne marche pas").
    /// Learning them as a class of their own makes the recognizer unsure on them instead of picking the nearest intent.
    /// </summary>
    public const string Vague = "demande_vague";

    public static IReadOnlyList<string> Classes { get; } = [.. Intents.All, Vague];

    public static IReadOnlyList<IntentUtterance> Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new IntentTrainingDataException($"{directory}: training directory not found (setting Nlu:TrainingDirectory).");
        }

        var utterances = new List<IntentUtterance>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            utterances.AddRange(LoadFile(file));
        }

        var seen = new Dictionary<string, IntentUtterance>(StringComparer.Ordinal);
        foreach (var utterance in utterances)
        {
            var key = FrenchText.Normalize(utterance.Text);
            if (seen.TryGetValue(key, out var first) && first.Intent != utterance.Intent)
            {
                throw new IntentTrainingDataException(
                    $"{utterance.Source}: « {utterance.Text} » is also an utterance of {first.Intent} ({first.Source}); an utterance belongs to one intent.");
            }

            seen.TryAdd(key, utterance);
        }

        var missing = Intents.All.Where(i => !utterances.Any(u => u.Intent == i)).ToList();
        if (missing.Count > 0)
        {
            throw new IntentTrainingDataException($"{directory}: no training utterances for {string.Join(", ", missing)}.");
        }

        return utterances;
    }

    private static List<IntentUtterance> LoadFile(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new IntentTrainingDataException($"{file}:{e.Start.Line}: invalid YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new IntentTrainingDataException($"{file}:1: expected one mapping with schema, intent and utterances.");
        }

        var schema = Scalar(root, "schema", file);
        if (schema.Value != Schema)
        {
            throw new IntentTrainingDataException($"{file}:{schema.Start.Line}: schema must be {Schema}.");
        }

        var intent = Scalar(root, "intent", file);
        if (!Classes.Contains(intent.Value))
        {
            throw new IntentTrainingDataException(
                $"{file}:{intent.Start.Line}: unknown intent « {intent.Value} »; known: {string.Join(", ", Classes)}.");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("utterances"), out var node) || node is not YamlSequenceNode list)
        {
            throw new IntentTrainingDataException($"{file}:{root.Start.Line}: expected a list « utterances: ».");
        }

        var result = new List<IntentUtterance>();
        foreach (var item in list)
        {
            if (item is not YamlScalarNode { Value: { } text } || FrenchText.Normalize(text).Length == 0)
            {
                throw new IntentTrainingDataException($"{file}:{item.Start.Line}: an utterance must be a non-empty line of text.");
            }

            result.Add(new IntentUtterance(text, intent.Value!, $"{file}:{item.Start.Line}"));
        }

        return result;
    }

    private static YamlScalarNode Scalar(YamlMappingNode root, string key, string file) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: not null } scalar
            ? scalar
            : throw new IntentTrainingDataException($"{file}:{root.Start.Line}: missing « {key}: ».");
}
