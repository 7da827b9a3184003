using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Direct Line's JSON and the typed <see cref="Activity"/>. The store keeps the client's activity as the client sent it
/// (Web Chat waits for that echo, channelData and all), so only the copy handed to the bot is typed; the bot's replies
/// become JSON again, with the Bot Framework's names, before they are stored.
/// </summary>
internal static class DirectLineAdapter
{
    public static Activity ToActivity(JsonObject json) =>
        json.Deserialize<Activity>(ActivityJson.Options) ?? throw new JsonException("An activity was expected, not null.");

    public static JsonObject ToJson(Activity activity) => JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!.AsObject();

    /// <summary>Direct Line's ActivitySet: what GET activities and the stream send.</summary>
    public static JsonObject ActivitySet(IReadOnlyList<JsonObject> activities, int watermark) => new()
    {
        ["activities"] = new JsonArray([.. activities]),
        ["watermark"] = watermark.ToString(CultureInfo.InvariantCulture),
    };

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
