using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Privacy;
using Twilio.Exceptions;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Texts the parent when a school director resolved the case they opened by SMS. Cases are resolved by
/// <c>DirectorCaseService.ResolveAsync</c>, possibly in another process (a director's tool), so the trigger is
/// the database: every <see cref="TwilioOptions.CaseNotificationPollSeconds"/>, resolved SMS cases whose parent has not
/// been told are claimed for a few minutes (<see cref="DirectorCase.ParentNotificationClaimedUntil"/>), sent, then marked
/// (<see cref="DirectorCase.ParentNotifiedAt"/>). A crash between the send and the mark texts the parent twice, never
/// zero times.
/// </summary>
internal sealed partial class CaseResolvedSmsService(IDbContextFactory<DirectoryDbContext> factory, IServiceScopeFactory scopes,
    ISmsSystemTexts texts, IOptions<TwilioOptions> options, TimeProvider time, ILogger<CaseResolvedSmsService> logger) : BackgroundService
{
    // Cases resolved longer ago are never texted: when this feature first ships (every case resolved before it has no
    // ParentNotifiedAt) or the bot comes back after a long outage, parents must not receive news of weeks-old requests.
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    // Longer than a send can take (the HttpClient gives up after 100 s); an instance that died meanwhile leaves a claim
    // that lapses after this, and the parent is texted by the next poll, once.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);
    private const int BatchSize = 50;

    /// <summary>One poll: sends what is due, returns how many messages went out (Twilio or outbox).</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - MaxAge;
        List<DueCase> due;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.DirectorCases.AsNoTracking()
                .Where(c => c.Status == DirectorCaseStatus.Resolved
                    && ((c.Channel == TwilioSmsAdapter.ChannelId && c.ChannelAddress != null) || c.ContactPhone != null)
                    && c.ParentNotifiedAt == null && c.ResolvedAt >= since
                    && (c.ParentNotificationClaimedUntil == null || c.ParentNotificationClaimedUntil < now))
                .OrderBy(c => c.ResolvedAt)
                .Take(BatchSize)
                .Select(c => new DueCase(c.Id, c.Reference, c.Kind,
                    c.Channel == TwilioSmsAdapter.ChannelId && c.ChannelAddress != null ? c.ChannelAddress : c.ContactPhone!, c.DirectorMessage))
                .ToListAsync(cancellationToken);
        }

        if (due.Count == 0)
        {
            return 0;
        }

        // The typed HttpClient is transient: one per poll, so that its handler is renewed like any other client's.
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<TwilioSmsSender>();
        var sent = 0;
        foreach (var directorCase in due)
        {
            if (await NotifyAsync(sender, directorCase, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CaseNotificationPollSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // A failed poll (database busy or unreachable) must not stop the host: the next one tries again.
                    LogPollFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> NotifyAsync(TwilioSmsSender sender, DueCase directorCase, CancellationToken cancellationToken)
    {
        // Several bot instances may poll the same directory: the conditional update lets exactly one of them send.
        var now = time.GetUtcNow();
        var claimedUntil = now + ClaimLease;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var claimed = await db.DirectorCases
                .Where(c => c.Id == directorCase.Id && c.ParentNotifiedAt == null
                    && (c.ParentNotificationClaimedUntil == null || c.ParentNotificationClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentNotificationClaimedUntil, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                return false;
            }
        }

        var phone = Mask.Phone(directorCase.Phone);
        SmsSendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(directorCase.Phone, texts.CaseResolved(directorCase.Kind, directorCase.Reference, directorCase.Message), cancellationToken, directorCase.Id);
        }
        catch (ApiException e) when (e.Status == (int)HttpStatusCode.BadRequest)
        {
            // Twilio refused this message for good (invalid or unsubscribed number, 21211, 21610...): asking again every
            // poll would be refused the same way for a week. The claim stays; an operator reads the log.
            LogRefused(logger, directorCase.Reference, phone, Describe(e));
            await SettleAsync(directorCase.Id, claimedUntil);
            return false;
        }
        catch (Exception e)
        {
            // Twilio down (5xx), network, timeout, credentials being fixed, outbox not writable, shutting down: give the
            // claim back so that the next poll sends it. Not with the caller's token: a stopping host must still release.
            await using (var db = await factory.CreateDbContextAsync(CancellationToken.None))
            {
                await db.DirectorCases
                    .Where(c => c.Id == directorCase.Id && c.ParentNotificationClaimedUntil == claimedUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentNotificationClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            }

            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogRetry(logger, directorCase.Reference, phone, Describe(e));
            return false;
        }

        await SettleAsync(directorCase.Id, claimedUntil, outcome == SmsSendOutcome.OptedOut ? null : phone);
        if (outcome == SmsSendOutcome.OptedOut)
        {
            LogOptedOut(logger, directorCase.Reference, phone);
            return false;
        }

        LogNotified(logger, directorCase.Reference, phone);
        return true;
    }

    /// <summary>The SMS is dealt with (sent to <paramref name="sentTo"/>, or never to be sent): no instance picks the case again.</summary>
    private async Task SettleAsync(int caseId, DateTimeOffset claimedUntil, string? sentTo = null)
    {
        // Not cancellable: once sent, the case must be marked even if the host is stopping.
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        await db.DirectorCases
            .Where(c => c.Id == caseId && c.ParentNotificationClaimedUntil == claimedUntil)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.ParentNotifiedAt, now)
                .SetProperty(c => c.ParentNotificationClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (sentTo is not null)
        {
            db.DirectorCaseEvents.Add(new DirectorCaseEvent { DirectorCaseId = caseId, At = now, Type = DirectorCaseEventType.ParentNotified, Note = sentTo });
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    // Not the exception itself: Twilio's error text may quote the number in full ("The 'To' number +336... is not valid").
    private static string Describe(Exception e) => e switch
    {
        ApiException { Status: > 0 } api => $"Twilio answered {api.Status}, error {api.Code}",
        ApiException => "Twilio answered an error",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private sealed record DueCase(int Id, string Reference, DirectorCaseKind Kind, string Phone, string? Message);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Case {Reference}: parent {To} told by SMS that it is resolved")]
    private static partial void LogNotified(ILogger logger, string reference, string to);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Case {Reference}: {To} sent STOP, no SMS")]
    private static partial void LogOptedOut(ILogger logger, string reference, string to);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Case {Reference}: SMS to {To} failed ({Error}), retried at the next poll")]
    private static partial void LogRetry(ILogger logger, string reference, string to, string error);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Case {Reference}: Twilio refused the SMS to {To} ({Error}); not retried")]
    private static partial void LogRefused(ILogger logger, string reference, string to, string error);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Error, Message = "Polling resolved cases for SMS failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
