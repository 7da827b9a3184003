using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SupportBot.Bot.Activities;

/// <summary>The Bot Framework's JSON conventions: camelCase names, null members left out.</summary>
internal static partial class ActivityJson
{
    /// <summary>
    /// The deepest JSON a channel may send. Web Chat's deepest activity (channelData, entities, a card's value) is under
    /// 10 levels; an activity is served back inside <c>{"activities":[...]}</c>, and System.Text.Json writes at most 64
    /// levels: an activity 62 levels deep was stored, and every read of its conversation then failed (issue 15).
    /// </summary>
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The typed <see cref="Activity"/> as the schema a channel's activity must fit: non-nullable members and constructor parameters required.</summary>
    private static JsonSerializerOptions SchemaOptions { get; } = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        MaxDepth = MaxDepth,
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("An activity was expected, not null.");

    /// <summary>
    /// <paramref name="json"/> read as an <see cref="Activity"/>, once; or what keeps it from being one (a member of the
    /// wrong JSON type, a required id missing, a null in a list), as « $.from.name: ... ».
    /// </summary>
    public static (Activity? Activity, string? Problem) Read(JsonObject json)
    {
        Activity activity;
        try
        {
            activity = json.Deserialize<Activity>(SchemaOptions)!;
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            var required = RequiredMember().Match(e.Message);
            return (null, required.Success ? $"{path}: '{required.Groups[1].Value}' is required."
                : e.Message.Contains("null value", StringComparison.Ordinal) ? $"{path}: null is not allowed."
                : $"{path}: wrong JSON type or format.");
        }

        var problem = NullIn(activity.MembersAdded, "$.membersAdded") ?? NullIn(activity.MembersRemoved, "$.membersRemoved")
            ?? NullIn(activity.Attachments, "$.attachments") ?? NullIn(activity.SuggestedActions?.Actions, "$.suggestedActions.actions");
        return problem is null ? (activity, null) : (null, problem);
    }

    private static string? NullIn<T>(List<T>? items, string path) where T : class =>
        items?.IndexOf(null!) is >= 0 and var index ? $"{path}[{index}]: an object is required, not null." : null;

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex RequiredMember();
}
