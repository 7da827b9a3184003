using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// The client's activity checked as it will be stored and handed to the bot, before either: a member of the wrong JSON
/// type was stored, then failed the bot's turn and every later read with a 500 (issue 15). What the token and the service
/// own (from.id and role, recipient, conversation, id, timestamp, serviceUrl, channelId) is set first
/// (<see cref="DirectLineTurns.Address"/>), whatever the client sent, so what is checked is only what the client owns;
/// the check's reading is the typed activity the bot gets.
/// </summary>
internal static class DirectLineActivityCheck
{
    /// <summary>The activity, addressed and read, or the Direct Line error to answer.</summary>
    /// <param name="address">Sets the fields the service owns on the client's JSON.</param>
    public static (Activity? Activity, JsonHttpResult<DirectLineError>? Error) Read(JsonNode? body, int maxTextLength, Action<JsonObject> address)
    {
        if (body is not JsonObject activity)
        {
            return (null, DirectLineError.Result(400, "BadArgument", "The body must be a JSON activity object."));
        }

        if (activity["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || type.GetValue<string>().Length == 0)
        {
            return (null, DirectLineError.Result(400, "MissingProperty", "The activity has no type (message, event, typing...)."));
        }

        if (activity["text"] is { } text)
        {
            if (text.GetValueKind() != JsonValueKind.String)
            {
                return (null, DirectLineError.Result(400, "BadArgument", "text must be a string."));
            }

            if (text.GetValue<string>().Length > maxTextLength)
            {
                return (null, DirectLineError.Result(400, "MessageSizeTooBig", $"text is longer than {maxTextLength} characters."));
            }
        }

        address(activity);
        var (typed, problem) = ActivityJson.Read(activity);
        return problem is null
            ? (typed, null)
            : (null, DirectLineError.Result(400, "BadArgument", $"The activity does not fit the Bot Framework schema: {problem}"));
    }
}
