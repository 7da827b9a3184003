using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

/// <summary>
/// Where conversation and sender state live between turns. A conversation is leased for the length of a turn, so
/// that two turns of one conversation run one after the other even on two service instances.
/// </summary>
internal interface IDialogStateStore
{
    /// <summary>Waits until no other turn holds the conversation, then loads it.</summary>
    Task<ConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Writes the state and frees the conversation; throws <see cref="DialogStateConflictException"/> if another writer got in first.</summary>
    Task SaveAsync(ConversationLease lease, ConversationData data, CancellationToken cancellationToken);

    /// <summary>Frees the conversation without writing (the turn failed: nothing half-written is kept).</summary>
    Task ReleaseAsync(ConversationLease lease);

    /// <summary>
    /// Reads the sender's state, applies <paramref name="update"/> and writes it, retrying from a fresh read when another
    /// instance wrote in between; <paramref name="update"/> returns false to leave the state as it was.
    /// </summary>
    Task<bool> UpdateUserAsync(string userKey, Func<UserData, bool> update, CancellationToken cancellationToken);
}
