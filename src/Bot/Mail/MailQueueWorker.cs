using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.Bot.Mail;

/// <summary>
/// Sends the mails parents asked for, from the queue in the directory's database (<see cref="MailQueue"/>): every
/// <see cref="MailQueueOptions.PollMilliseconds"/>, on every instance, each mail claimed by one of them. A mail whose
/// recipient the server refuses for good fails at once; any other failure (server down or busy, database busy) waits
/// its backoff, and ends this poll, so that a server that is down costs one attempt per poll, not one per mail.
/// </summary>
internal sealed partial class MailQueueWorker(MailQueue queue, IEnumerable<IQueuedMailComposer> composers, IMailSender sender,
    IServiceScopeFactory scopes, IOptions<MailQueueOptions> options, TimeProvider time, ILogger<MailQueueWorker> logger) : BackgroundService
{
    private const int BatchSize = 50;

    private readonly Dictionary<string, IQueuedMailComposer> _composers = composers.ToDictionary(c => c.Purpose, StringComparer.Ordinal);

    /// <summary>Sends what is due, until the queue has nothing due or a send fails; returns how many mails left.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (true)
        {
            var due = await queue.DueAsync(BatchSize, cancellationToken);
            var taken = 0;
            foreach (var id in due)
            {
                var mail = await queue.ClaimAsync(id, cancellationToken);
                if (mail is null)
                {
                    continue;
                }

                taken++;
                var (mails, stop) = await DeliverAsync(mail, cancellationToken);
                sent += mails;
                if (stop)
                {
                    return sent;
                }
            }

            // Fewer than a batch: all were due; none taken: another instance is on them.
            if (due.Count < BatchSize || taken == 0)
            {
                return sent;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database busy or unreachable: the next poll tries again.
                    LogPollFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Composes and sends one queued request's mails; how many left, and whether this poll should stop.</summary>
    private async Task<(int Sent, bool Stop)> DeliverAsync(QueuedMail mail, CancellationToken cancellationToken)
    {
        if (mail.Target is null || !_composers.TryGetValue(mail.Purpose, out var composer))
        {
            // A purpose this version does not know (written by a newer one?): nothing here can send it.
            LogUnknownPurpose(logger, mail.Id, mail.Purpose);
            await queue.FailAsync(mail, "objet inconnu de cette version", CancellationToken.None);
            return (0, false);
        }

        var sent = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var outgoing in await composer.ComposeAsync(mail.Target, scope.ServiceProvider, cancellationToken))
            {
                await sender.SendAsync(outgoing, cancellationToken);
                sent++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host stops: another poll (here after a restart, or another instance) takes it again. Not with the
            // caller's token: a stopping host must still release.
            await queue.ReleaseAsync(mail, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (RefusedForGood(e))
        {
            await queue.FailAsync(mail, Describe(e), CancellationToken.None);
            LogRefused(logger, mail.Id, mail.Purpose, mail.MaskedTarget, Describe(e));
            return (sent, false);
        }
        catch (Exception e)
        {
            await queue.RetryLaterAsync(mail, Describe(e), CancellationToken.None);
            LogRetry(logger, mail.Id, mail.Purpose, mail.MaskedTarget, mail.Attempts, Describe(e));
            return (sent, true);
        }

        // Recorded even if the host is stopping: it was sent.
        await queue.CompleteAsync(mail, CancellationToken.None);
        return (sent, false);
    }

    // Only the recipient refused with a permanent (5xx) reply, or an address that cannot be one, is final; a refused
    // sender or message, a 4xx, a network error may be mended (configuration, server back) before the last attempt.
    private static bool RefusedForGood(Exception e) =>
        e is DirectoryValidationException
        || e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } refused && (int)refused.StatusCode >= 500;

    // The server's text may quote the address: only the kind and the status are kept.
    private static string Describe(Exception e) => e is SmtpCommandException smtp
        ? $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode})"
        : e.GetType().Name;

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Queued mail {Id} ({Purpose} to {Target}): attempt {Attempts} failed ({Error}), tried again later")]
    private static partial void LogRetry(ILogger logger, long id, string purpose, string target, int attempts, string error);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Queued mail {Id} ({Purpose} to {Target}) refused for good ({Error})")]
    private static partial void LogRefused(ILogger logger, long id, string purpose, string target, string error);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Queued mail {Id}: no composer for « {Purpose} », marked failed")]
    private static partial void LogUnknownPurpose(ILogger logger, long id, string purpose);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "Sending the queued mails failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
