using SupportBot.Bot.Activities;

namespace SupportBot.Bot.Conversations;

/// <summary>
/// The bot as the channels see it: one incoming activity in, the bot's activities for that turn out. Each channel's
/// adapter (Direct Line, Twilio, Azure Bot Service) translates its payload into the typed <see cref="Activity"/> and
/// back at its edge; the bot never sees HTTP, JSON or a form.
/// </summary>
internal interface IConversationBot
{
    Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, CancellationToken cancellationToken);

    /// <param name="clientAddress">The address the parent's request came from (Web Chat), for the limits per person; null for channels
    /// whose calls come from a provider's servers (Twilio, Azure).</param>
    Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, string? clientAddress, CancellationToken cancellationToken) =>
        ProcessAsync(incoming, cancellationToken);

    /// <param name="record">Called once with the turn's replies while the bot still holds the conversation, so that a channel keeping
    /// the conversation's log writes the message and its replies with no other turn between them; the replies returned
    /// may hold more (an apology for a fault after the recording).</param>
    async Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, string? clientAddress,
        Func<IReadOnlyList<Activity>, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        var replies = await ProcessAsync(incoming, clientAddress, cancellationToken);
        await record(replies, cancellationToken);
        return replies;
    }
}
