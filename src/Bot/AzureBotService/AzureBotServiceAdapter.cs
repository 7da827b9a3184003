using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.AzureBotService;

/// <summary>
/// The Bot Framework activity Azure Bot Service posts, read as the typed <see cref="Activity"/> once it is known to fit;
/// and a reply addressed back to it, as the Connector expects (replyToId, serviceUrl, the conversation).
/// </summary>
internal static class AzureBotServiceAdapter
{
    // The conversation's and the sender's state are keyed "channelId/id" in columns of 200 characters.
    private const int MaxChannelIdLength = 32;
    private const int MaxIdLength = 160;

    /// <summary>The activity, or what keeps it from being one the bot can answer (a 400's message).</summary>
    public static (Activity? Activity, string? Problem) Read(JsonNode? body)
    {
        var json = body as JsonObject;
        var serviceUrl = Text(json?["serviceUrl"]);
        var conversationId = Text((json?["conversation"] as JsonObject)?["id"]);
        var activityId = Text(json?["id"]);
        if (json is null || Text(json["type"]) is null || Text(json["channelId"]) is not { Length: <= MaxChannelIdLength }
            || serviceUrl is null || conversationId is null || activityId is null)
        {
            return (null, $"The activity needs type, id, channelId (at most {MaxChannelIdLength} characters), serviceUrl and conversation.id, as strings.");
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service) || service.Scheme is not ("https" or "http"))
        {
            return (null, "serviceUrl must be an absolute http(s) URL.");
        }

        if (conversationId.Length > MaxIdLength || activityId.Length > MaxIdLength || Text((json["from"] as JsonObject)?["id"])?.Length > MaxIdLength)
        {
            return (null, $"id, conversation.id and from.id are at most {MaxIdLength} characters.");
        }

        var (activity, problem) = ActivityJson.Read(json);
        return problem is null ? (activity, null) : (null, $"The activity does not fit the Bot Framework schema: {problem}");
    }

    /// <summary>The bot's <paramref name="reply"/>, addressed as an answer to <paramref name="incoming"/> in its conversation.</summary>
    public static Activity Reply(Activity reply, Activity incoming)
    {
        reply.Conversation ??= incoming.Conversation;
        reply.ReplyToId = incoming.Id;
        reply.From ??= incoming.Recipient;
        reply.Recipient ??= incoming.From;
        reply.ChannelId ??= incoming.ChannelId;
        reply.ServiceUrl = incoming.ServiceUrl;
        return reply;
    }

    /// <summary>The node's string, null when it is absent or not a string.</summary>
    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
