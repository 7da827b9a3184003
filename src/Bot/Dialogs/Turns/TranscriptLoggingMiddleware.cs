using Microsoft.Extensions.Logging;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>
/// Logs what the parent wrote and what the bot answered, masked: e-mails, phones, identifiers and dates by their shape,
/// and what the turn learnt was the parent's own (<see cref="TurnContext.PersonalValues"/>: a name has no shape). So the
/// lines are written once the turn is over, the parent's message first, then the replies.
/// </summary>
internal partial class TranscriptLoggingMiddleware(ILogger<TranscriptLoggingMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next();
            return;
        }

        var replies = new List<string>();
        turn.OnSend((reply, _) =>
        {
            if (reply.Type == ActivityTypes.Message)
            {
                replies.Add(reply.Text ?? "");
            }

            return Task.CompletedTask;
        });
        try
        {
            await next();
        }
        finally
        {
            var activity = turn.Activity;
            LogIncoming(logger, activity.ChannelId, activity.Conversation?.Id, activity.Type, TranscriptMasker.Mask(activity.Text, turn.PersonalValues));
            foreach (var reply in replies)
            {
                LogOutgoing(logger, activity.ChannelId, activity.Conversation?.Id, TranscriptMasker.Mask(reply, turn.PersonalValues));
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "[{Channel} {Conversation}] parent ({Type}): {Text}")]
    private static partial void LogIncoming(ILogger logger, string? channel, string? conversation, string type, string text);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "[{Channel} {Conversation}] bot: {Text}")]
    private static partial void LogOutgoing(ILogger logger, string? channel, string? conversation, string text);
}
