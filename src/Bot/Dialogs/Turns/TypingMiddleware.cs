using SupportBot.Bot.Activities;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>Shows « is typing » while a message is being answered (channels without it, such as SMS, drop the activity).</summary>
internal sealed class TypingMiddleware : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Message && !turn.IsSms)
        {
            await turn.SendAsync(turn.Activity.CreateReply(ActivityTypes.Typing), cancellationToken);
        }

        await next();
    }
}
