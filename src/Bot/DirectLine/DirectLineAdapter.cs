using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Direct Line's JSON and the typed <see cref="Activity"/>. The store keeps the client's activity as the client sent it
/// (Web Chat waits for that echo, channelData and all), so only the copy handed to the bot is typed (read once, by
/// <see cref="DirectLineActivityCheck"/>); the bot's replies become JSON again, with the Bot Framework's names, before
/// they are stored.
/// </summary>
internal static class DirectLineAdapter
{
    /// <summary>
    /// The client's activity as this conversation receives it: from the token's user (a client cannot speak for another),
    /// to the bot, in this channel and conversation; its id and timestamp are the conversation's, given when it is stored.
    /// </summary>
    public static void Address(JsonObject activity, string conversationId, string userId, string serviceUrl, ChannelAccount bot)
    {
        var from = activity["from"] as JsonObject ?? new JsonObject();
        from["id"] = userId;
        from["role"] = "user";
        activity["from"] = from;
        activity["recipient"] = JsonSerializer.SerializeToNode(bot, ActivityJson.Options);
        activity["serviceUrl"] = serviceUrl;
        activity["locale"] ??= "fr-FR";
        activity["channelId"] = DirectLineActivityIds.ChannelId;
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity.Remove("timestamp");

        // The bot sees the activity under a placeholder id; the stored one is given by the conversation's log.
        activity["id"] = DirectLineActivityIds.For(conversationId, 0);
    }

    /// <summary>The client's activity as stored and served: its id in the conversation, its timestamp.</summary>
    public static string Stored(JsonObject activity, string id, DateTimeOffset now)
    {
        activity["id"] = id;
        activity["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture);
        return activity.ToJsonString();
    }

    /// <summary>A reply as stored and served: from the bot to the user, its id in the conversation, replyToId the message's.</summary>
    public static string Stored(Activity reply, string id, string? replyTo, string conversationId, string userId, string serviceUrl,
        ChannelAccount bot, DateTimeOffset now)
    {
        reply.Id = id;
        reply.ReplyToId = replyTo ?? reply.ReplyToId;
        reply.From = bot;
        reply.Recipient = new ChannelAccount(userId, Role: "user");
        reply.ServiceUrl = serviceUrl;
        reply.Locale ??= "fr-FR";
        reply.ChannelId = DirectLineActivityIds.ChannelId;
        reply.Conversation = new ConversationAccount(conversationId);
        reply.Timestamp ??= now;
        return ActivityJson.Serialize(reply);
    }

    /// <summary>
    /// The user a token request asks for (<c>{"user":{"id":"..."}}</c>), a new one when it names none; or why the body
    /// cannot be read so.
    /// </summary>
    public static (string? UserId, string? Problem) RequestedUser(JsonNode? body)
    {
        if (body is not (null or JsonObject) || body?["user"] is not (null or JsonObject))
        {
            return (null, "The body must be a JSON object, its user an object: {\"user\":{\"id\":\"...\"}}.");
        }

        return body?["user"]?["id"] switch
        {
            null => (NewUserId(), null),
            JsonValue id when id.GetValueKind() == JsonValueKind.String && IsValidUserId(id.GetValue<string>()) => (id.GetValue<string>(), null),
            _ => (null, "user.id must be 1 to 64 letters, digits or _-:."),
        };
    }

    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    private static bool IsValidUserId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.');
}
