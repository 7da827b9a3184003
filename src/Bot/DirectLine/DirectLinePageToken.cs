using System.Text.Json.Serialization;

namespace SupportBot.Bot.DirectLine;

/// <summary>The help page's token: Direct Line's Conversation object, the user it stands for, and whether it resumes the page's previous conversation.</summary>
internal sealed record DirectLinePageToken(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("resumed")] bool Resumed);
