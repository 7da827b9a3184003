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

    /// <param name="record">Called once with the turn's replies while the bot still holds the conversation, so that a channel keeping
    /// the conversation's log writes the message and its replies with no other turn between them; the replies returned
    /// after it may hold more (an apology for a fault after the recording).</param>
    async Task<IReadOnlyList<JsonObject>> ProcessAsync(JsonObject incoming, string? clientAddress,
        Func<IReadOnlyList<JsonObject>, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        var replies = await ProcessAsync(incoming, clientAddress, cancellationToken);
        await record(replies, cancellationToken);
        return replies;
    }
}
