using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

/// <summary>
/// Holds the conversation for the turn: loads its state before the bot runs, has the channel record the turn, and saves
/// the state after, or not at all if the turn failed. The store's lease on the conversation's state row is the one thing
/// that orders a conversation's turns, for every channel and across instances: it is taken by a conditional UPDATE in
/// the shared database (SQLite's write lock, SQL Server's row lock: exactly one taker), held until the save, and lapses
/// after <see cref="StateOptions.LeaseSeconds"/> if its instance dies.
/// </summary>
internal sealed class StateMiddleware(IDialogStateStore store) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        var lease = await store.AcquireAsync(turn.ConversationKey, cancellationToken);
        var saved = false;
        try
        {
            turn.Conversation = lease.Data;
            await next();
            await turn.RecordAsync(cancellationToken);
            await store.SaveAsync(lease, turn.Conversation, cancellationToken);
            saved = true;
        }
        finally
        {
            if (!saved)
            {
                await store.ReleaseAsync(lease);
            }
        }
    }
}
