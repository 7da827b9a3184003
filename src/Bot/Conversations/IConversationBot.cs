using System.Text.Json.Nodes;

namespace SupportBot.Bot.Conversations;

/// <summary>
/// The bot as the channels see it: one incoming Bot Framework activity in, the bot's activities for that turn out.
/// Channel adapters (Direct Line, Twilio, Azure Bot Service) own the transport; the bot never sees HTTP.
/// </summary>
public interface IConversationBot
{
    Task<IReadOnlyList<JsonObject>> ProcessAsync(JsonObject incoming, CancellationToken cancellationToken);

    /// <param name="clientAddress">The address the parent's request came from (Web Chat), for the limits per person; null for channels
    /// whose calls come from a provider's servers (Twilio, Azure).</param>
    Task<IReadOnlyList<JsonObject>> ProcessAsync(JsonObject incoming, string? clientAddress, CancellationToken cancellationToken) =>
        ProcessAsync(incoming, cancellationToken);
}
