using System.Text.Json.Serialization;

namespace SupportBot.Bot.DirectLine;

/// <summary>Direct Line's Conversation object, as POST /conversations, token and reconnect calls return it.</summary>
internal sealed record DirectLineConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);
