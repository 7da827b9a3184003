using Microsoft.Extensions.Logging;
using SupportBot.Bot.Dialogs.Activities;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>Logs what the parent wrote and what the bot answered, with e-mails, phones, identifiers and dates masked.</summary>
internal partial class TranscriptLoggingMiddleware(ILogger<TranscriptLoggingMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next();
            return;
        }

        var activity = turn.Activity;
        LogIncoming(logger, activity.ChannelId, activity.Conversation?.Id, activity.Type, TranscriptMasker.Mask(activity.Text));
        turn.OnSend((reply, _) =>
        {
            if (reply.Type == ActivityTypes.Message)
            {
                LogOutgoing(logger, reply.ChannelId, reply.Conversation?.Id, TranscriptMasker.Mask(reply.Text));
            }

            return Task.CompletedTask;
        });
        await next();
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "[{Channel} {Conversation}] parent ({Type}): {Text}")]
    private static partial void LogIncoming(ILogger logger, string? channel, string? conversation, string type, string text);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "[{Channel} {Conversation}] bot: {Text}")]
    private static partial void LogOutgoing(ILogger logger, string? channel, string? conversation, string text);
}
