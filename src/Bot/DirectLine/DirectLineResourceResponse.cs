using System.Text.Json.Serialization;

namespace SupportBot.Bot.DirectLine;

/// <summary>Direct Line's ResourceResponse: the id a posted activity was stored under.</summary>
internal sealed record DirectLineResourceResponse([property: JsonPropertyName("id")] string Id);
