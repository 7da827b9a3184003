using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Retention;

namespace SupportBot.Bot.Retention;

/// <summary>Runs the directory's retention purge at start-up and then every <see cref="RetentionOptions.IntervalMinutes"/>.</summary>
internal sealed partial class RetentionService(RetentionPurge purge, TimeProvider time, IOptions<RetentionOptions> options,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await purge.PurgeAsync(stoppingToken);
                if (report.Total > 0)
                {
                    LogPurged(logger, options.Value.Days, report.Conversations, report.Activities, report.ConversationStates, report.UserStates,
                        report.SmsMessages, report.ResetTokens);
                    LogForgotten(logger, options.Value.VerbatimHours, report.ForgottenActivities, report.ForgottenSmsAnswers, report.ReducedStates,
                        options.Value.ClosedCaseDays, report.ClosedCases);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; the service keeps answering parents meanwhile.
                LogFailed(logger, e);
            }

            await Task.Delay(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
        Message = "Retention ({Days} days): deleted {Conversations} conversations, {Activities} activities, {States} dialog states, {Users} user states, {Sms} SMS, {Tokens} reset links")]
    private static partial void LogPurged(ILogger logger, int days, int conversations, int activities, int states, int users, int sms, int tokens);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information,
        Message = "Retention ({Hours} h verbatim): forgot {Activities} Direct Line activities, {Answers} SMS answers, reduced {States} dialog states; deleted {Cases} cases treated over {CaseDays} days ago")]
    private static partial void LogForgotten(ILogger logger, int hours, int activities, int answers, int states, int caseDays, int cases);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Retention purge failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
