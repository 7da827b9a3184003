using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.Dialogs.Activities;

/// <summary>The Bot Framework's JSON conventions: camelCase names, null members left out.</summary>
internal static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("An activity was expected, not null.");
}
