using System.Text.Json;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.Dialogs.State;

internal static class StateJson
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, ActivityJson.Options);

    /// <summary>A row this version cannot read starts afresh: the dialogs then restart at the menu.</summary>
    public static T Read<T>(string? json) where T : new()
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, ActivityJson.Options) ?? new T();
        }
        catch (JsonException)
        {
            return new T();
        }
    }

    public static string NewETag() => Guid.NewGuid().ToString("N");
}
