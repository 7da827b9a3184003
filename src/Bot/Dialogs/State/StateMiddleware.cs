using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

/// <summary>Holds the conversation for the turn: loads its state before the bot runs and saves it after, or not at all if the turn failed.</summary>
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
