using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// The client's activity checked as it will be stored and handed to the bot, before either: a member of the wrong JSON
/// type was stored, then failed the bot's turn and every later read with a 500 (issue 15). What the token and the service
/// own (from.id and role, recipient, conversation, id, timestamp, serviceUrl, channelId) is set by
/// <see cref="DirectLineTurns"/>, whatever the client sent, so only what the client owns is checked.
/// </summary>
internal static class DirectLineActivityCheck
{
    private static readonly string[] ServiceOwned = ["recipient", "conversation", "id", "timestamp", "serviceUrl", "channelId"];

    /// <summary>The Direct Line error to answer, or null when the activity may be posted.</summary>
    public static JsonHttpResult<DirectLineError>? Problem(JsonNode? body, int maxTextLength)
    {
        if (body is not JsonObject activity)
        {
            return DirectLineError.Result(400, "BadArgument", "The body must be a JSON activity object.");
        }

        if (activity["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || type.GetValue<string>().Length == 0)
        {
            return DirectLineError.Result(400, "MissingProperty", "The activity has no type (message, event, typing...).");
        }

        if (activity["text"] is { } text)
        {
            if (text.GetValueKind() != JsonValueKind.String)
            {
                return DirectLineError.Result(400, "BadArgument", "text must be a string.");
            }

            if (text.GetValue<string>().Length > maxTextLength)
            {
                return DirectLineError.Result(400, "MessageSizeTooBig", $"text is longer than {maxTextLength} characters.");
            }
        }

        var owned = (JsonObject)activity.DeepClone();
        foreach (var name in ServiceOwned)
        {
            owned.Remove(name);
        }

        if (owned["from"] is JsonObject from)
        {
            from["id"] = "user";
            from.Remove("role");
        }
        else
        {
            owned.Remove("from");
        }

        return ActivityJson.Problem(owned) is { } problem
            ? DirectLineError.Result(400, "BadArgument", $"The activity does not fit the Bot Framework schema: {problem}")
            : null;
    }
}
