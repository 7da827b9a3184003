using Microsoft.Extensions.Logging;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>A fault in a turn is logged and the parent gets a polite French apology, never a stack trace or silence.</summary>
internal partial class ErrorHandlingMiddleware(DialogCatalog catalog, ILogger<ErrorHandlingMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        try
        {
            await next();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFault(logger, e, turn.Activity.ChannelId, turn.Activity.Conversation?.Id, turn.Activity.Type);
            turn.Responses.RemoveAll(r => r.Type == Activities.ActivityTypes.Typing);
            await turn.SendAsync(catalog.Texts.Get(SystemTexts.Error), null, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Turn failed on channel {Channel}, conversation {Conversation}, activity {Type}")]
    private static partial void LogFault(ILogger logger, Exception exception, string? channel, string? conversation, string type);
}
