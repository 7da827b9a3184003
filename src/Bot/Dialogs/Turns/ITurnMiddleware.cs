namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>A stage of the turn pipeline, run in registration order around the bot's logic.</summary>
internal interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken);
}
