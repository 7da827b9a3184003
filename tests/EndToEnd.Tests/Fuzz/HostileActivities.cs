using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>
/// Bot Framework activities as Web Chat and Azure send them, then broken one way each: a member replaced by a value of
/// any JSON type, a member named twice, a string with a lone surrogate or invalid UTF-8, nesting past the limits, the
/// body cut short or not an object, sizes past the limits.
/// </summary>
internal static class HostileActivities
{
    /// <summary>Members of an activity and of its parts, as paths in the activity <see cref="Normal"/> builds.</summary>
    private static readonly string[] Paths =
    [
        "type", "text", "locale", "textFormat", "inputHint", "name", "value", "replyToId", "timestamp", "localTimestamp", "id",
        "serviceUrl", "channelId", "channelData", "entities", "from", "from.id", "from.name", "from.role", "recipient", "recipient.id",
        "conversation", "conversation.id", "conversation.isGroup", "attachments", "attachments.0", "attachments.0.contentType",
        "attachments.0.content", "attachments.0.contentUrl", "suggestedActions", "suggestedActions.actions", "suggestedActions.actions.0",
        "suggestedActions.actions.0.title", "suggestedActions.to", "membersAdded", "membersAdded.0", "membersAdded.0.id", "membersRemoved",
        "membersRemoved.0.id", "channelData.clientActivityID",
    ];

    /// <summary>What Web Chat posts for a message, with every optional part present so that each can be broken.</summary>
    public static JsonObject Normal(Random random, string? serviceUrl = null)
    {
        var activity = new JsonObject
        {
            ["type"] = random.Next(6) switch { 0 => "event", 1 => "typing", 2 => "conversationUpdate", _ => "message" },
            ["text"] = HostileValues.EscapableOnly(HostileValues.Text(random)) is { Length: <= 2000 } text ? text : "bonjour",
            ["locale"] = "fr-FR",
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = "dl_utilisateur", ["name"] = "Parent", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "fuzz" + random.Next(), ["clientTimestamp"] = "2026-11-23T09:00:00.000Z" },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true }),
            ["localTimestamp"] = "2026-11-23T10:00:00.000+01:00",
        };
        if (random.Next(3) == 0)
        {
            activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.org/a.png", ["name"] = "a.png" });
        }

        if (random.Next(4) == 0)
        {
            activity["suggestedActions"] = new JsonObject
            {
                ["to"] = new JsonArray("dl_utilisateur"),
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "imBack", ["title"] = "Oui", ["value"] = "oui" }),
            };
        }

        if (random.Next(4) == 0)
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "dl_utilisateur" });
            activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = "autre" });
        }

        if (serviceUrl is not null)
        {
            activity["id"] = "act-" + random.Next();
            activity["serviceUrl"] = serviceUrl;
            activity["channelId"] = random.Next(4) == 0 ? "webchat" : "msteams";
            activity["conversation"] = new JsonObject { ["id"] = "conv-" + random.Next(20) };
            activity["recipient"] = new JsonObject { ["id"] = "bot", ["role"] = "bot" };
        }

        return activity;
    }

    /// <summary>The activity's bytes, broken one way; the mutation said in words.</summary>
    public static (byte[] Body, string Mutation) Break(Random random, JsonObject activity)
    {
        switch (random.Next(16))
        {
            case 0 or 1 or 2 or 3:
            {
                var path = Paths[random.Next(Paths.Length)];
                var value = HostileValues.Json(random);
                var json = Set(activity.ToJsonString(), path, value);
                return (Encoding.UTF8.GetBytes(json), $"{path} = {Shorten(value)}");
            }

            case 4:
            {
                var path = Paths[random.Next(Paths.Length)];
                return (Encoding.UTF8.GetBytes(Set(activity.ToJsonString(), path, null)), $"{path} removed");
            }

            case 5:
            {
                var json = activity.ToJsonString();
                var name = new[] { "type", "text", "from", "locale", "zzz" }[random.Next(5)];
                return (Encoding.UTF8.GetBytes(json[..^1] + $",\"{name}\":{HostileValues.Json(random)}}}"), $"duplicate member {name}");
            }

            case 6:
            {
                var escaped = new[] { "\\ud800", "\\udfff", "\\ud83d\\ud83d", "\\udc00\\ud800", "x\\ud800" }[random.Next(5)];
                var path = new[] { "text", "locale", "from.name", "type", "channelData.clientActivityID" }[random.Next(5)];
                return (Encoding.UTF8.GetBytes(Set(activity.ToJsonString(), path, $"\"{escaped}\"")), $"{path} with a lone surrogate {escaped}");
            }

            case 7:
            {
                var json = Encoding.UTF8.GetBytes(activity.ToJsonString());
                var at = Array.IndexOf(json, (byte)'"', json.Length / 2);
                at = at < 0 ? 1 : at + 1;
                var body = json[..at].Concat(HostileValues.InvalidUtf8(random)).Concat(json[at..]).ToArray();
                return (body, "invalid UTF-8 inside a string");
            }

            case 8:
            {
                var depth = new[] { 30, 31, 32, 33, 62, 63, 64, 65, 200, 5000 }[random.Next(10)];
                var path = new[] { "value", "channelData", "entities", "attachments.0.content", "from.name", "text" }[random.Next(6)];
                return (Encoding.UTF8.GetBytes(Set(activity.ToJsonString(), path, HostileValues.Nested(depth, random.Next(2) == 0))), $"{path} nested {depth} deep");
            }

            case 9:
            {
                var json = Encoding.UTF8.GetBytes(activity.ToJsonString());
                return (json[..random.Next(json.Length)], "body cut short");
            }

            case 10:
            {
                var root = new[] { "[]", "[{\"type\":\"message\"}]", "\"message\"", "42", "null", "true", "", " ", "{", "}", "{}", "{\"type\":\"\"}", "\ufeff{\"type\":\"message\",\"text\":\"x\"}" }[random.Next(13)];
                return (Encoding.UTF8.GetBytes(root), $"body {Shorten(root)}");
            }

            case 11:
            {
                var length = new[] { 2000, 2001, 20_000, 70_000 }[random.Next(4)];
                activity["text"] = new string('é', length);
                return (Encoding.UTF8.GetBytes(activity.ToJsonString()), $"text of {length} characters");
            }

            case 12:
            {
                var json = activity.ToJsonString();
                var garbage = new[] { "x", ",", "/* */", "{}", "\0", "\n\n{}" }[random.Next(6)];
                return (Encoding.UTF8.GetBytes(random.Next(2) == 0 ? json + garbage : json.Insert(1, garbage)), $"garbage {Shorten(garbage)} around the object");
            }

            case 13:
            {
                var bytes = new byte[random.Next(1, 512)];
                random.NextBytes(bytes);
                return (bytes, "random bytes");
            }

            case 14:
            {
                var members = string.Join(",", Enumerable.Range(0, random.Next(1000, 5000)).Select(i => $"\"m{i}\":{i}"));
                return (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"x\"," + members + "}"), "thousands of members");
            }

            default:
            {
                var changes = Enumerable.Range(0, random.Next(2, 5)).Select(_ => (Path: Paths[random.Next(Paths.Length)], Value: HostileValues.Json(random)))
                    .DistinctBy(c => c.Path).ToList();
                var json = Set(activity.ToJsonString(), changes);
                return (Encoding.UTF8.GetBytes(json), string.Join("; ", changes.Select(c => $"{c.Path} = {Shorten(c.Value)}")));
            }
        }
    }

    private static string Set(string json, string path, string? rawValue) => Set(json, [(path, rawValue)]);

    /// <summary>
    /// The activity's JSON with each member at a path set to a raw JSON value (or removed when null): done on the text,
    /// because the raw values may be JSON no parser would build (a lone surrogate, 5,000 levels).
    /// </summary>
    private static string Set(string json, IReadOnlyList<(string Path, string? RawValue)> changes)
    {
        var node = JsonNode.Parse(json)!;
        for (var c = 0; c < changes.Count; c++)
        {
            var parts = changes[c].Path.Split('.');
            var parent = node;
            for (var i = 0; i < parts.Length - 1 && parent is not null; i++)
            {
                var next = Child(parent, parts[i]);
                if (next is null)
                {
                    next = int.TryParse(parts[i + 1], out _) ? new JsonArray() : new JsonObject();
                    SetChild(parent, parts[i], next);
                }

                parent = next is JsonObject or JsonArray ? next : null;
            }

            if (parent is null)
            {
                continue;
            }

            var last = parts[^1];
            if (changes[c].RawValue is not null)
            {
                SetChild(parent, last, JsonValue.Create($"\u0001fuzz{c}\u0001"));
            }
            else if (parent is JsonObject o)
            {
                o.Remove(last);
            }
            else if (parent is JsonArray a && int.TryParse(last, out var index) && index < a.Count)
            {
                a.RemoveAt(index);
            }
        }

        var text = node.ToJsonString();
        for (var c = 0; c < changes.Count; c++)
        {
            text = text.Replace($"\"\\u0001fuzz{c}\\u0001\"", changes[c].RawValue, StringComparison.Ordinal);
        }

        return text;
    }

    private static JsonNode? Child(JsonNode parent, string part) => parent switch
    {
        JsonObject o => o[part],
        JsonArray a when int.TryParse(part, out var index) => index < a.Count ? a[index] : null,
        _ => null,
    };

    private static void SetChild(JsonNode parent, string part, JsonNode value)
    {
        switch (parent)
        {
            case JsonObject o:
                o[part] = value;
                break;
            case JsonArray a when int.TryParse(part, out var index):
                if (index < a.Count)
                {
                    a[index] = value;
                }
                else
                {
                    a.Add(value);
                }

                break;
        }
    }

    public static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
