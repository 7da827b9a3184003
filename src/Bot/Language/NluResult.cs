using System.Text.Encodings.Web;
using System.Text.Json;

namespace SupportBot.Bot.Language;

/// <summary>What the nlu command and POST /api/nlu return for one text.</summary>
internal sealed record NluResult(string Text, string? Intent, double Score, IReadOnlyList<NluEntity> Entities)
{
    /// <summary>camelCase, accents kept readable for people reading the command's output.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <param name="Type">date, phone, email or yesno.</param>
/// <param name="Value">yyyy-MM-dd, E.164, lower-cased address, or "yes"/"no".</param>
internal sealed record NluEntity(string Type, string Value);
