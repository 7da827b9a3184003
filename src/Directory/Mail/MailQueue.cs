using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SupportBot.AccountDirectory.Mail;

/// <summary>
/// The mail queue in the directory's database: requests are added by the parents' turns and taken by the mail worker of
/// any instance. A worker claims a row with a conditional update and a lease (as the case dispatcher does), so two
/// instances never send the same mail; a worker that dies holding one leaves it to another once the lease lapses (a
/// crash right after the server accepted the mail sends it twice at worst, never zero times). Failures wait
/// <see cref="MailQueueOptions.FirstRetrySeconds"/>, doubled each time, until <see cref="MailQueueOptions.MaxAttempts"/>.
/// </summary>
public sealed class MailQueue(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, IOptions<MailQueueOptions> options)
{
    /// <summary>The longest target kept (an e-mail address's limit, RFC 5321); a longer one cannot be an account's.</summary>
    public const int MaxTargetLength = 254;

    public async Task EnqueueAsync(string purpose, string target, string maskedTarget, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target.Length, MaxTargetLength, nameof(target));
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.QueuedMails.Add(new QueuedMail
        {
            Purpose = purpose,
            Target = target,
            MaskedTarget = maskedTarget,
            Status = QueuedMailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The ids of pending mails due now and claimed by nobody, oldest first.</summary>
    public async Task<IReadOnlyList<long>> DueAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Due(db, now).OrderBy(m => m.Id).Select(m => m.Id).Take(max).ToListAsync(cancellationToken);
    }

    /// <summary>Takes the mail for this worker (one attempt counted), or null when another worker has it or it is no longer due.</summary>
    public async Task<QueuedMail?> ClaimAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var until = now + TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var claimed = await Due(db, now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return claimed == 0 ? null : await db.QueuedMails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>Sent, or nothing to send (no such account): the row and its target go.</summary>
    public async Task CompleteAsync(QueuedMail claimed, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.QueuedMails.Where(m => m.Id == claimed.Id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A failure that may pass (server down, busy): tried again after the backoff, or given up after the last attempt.</summary>
    public async Task RetryLaterAsync(QueuedMail claimed, string error, CancellationToken cancellationToken = default)
    {
        if (claimed.Attempts >= options.Value.MaxAttempts)
        {
            await FailAsync(claimed, error, cancellationToken);
            return;
        }

        var next = time.GetUtcNow() + Backoff(claimed.Attempts);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await Held(db, claimed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, Truncate(error)), cancellationToken);
    }

    /// <summary>Given up: kept for the operators with its masked target only.</summary>
    public async Task FailAsync(QueuedMail claimed, string error, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await Held(db, claimed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, QueuedMailStatus.Failed)
            .SetProperty(m => m.Target, (string?)null)
            .SetProperty(m => m.FailedAt, now)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, Truncate(error)), cancellationToken);
    }

    /// <summary>Gives the mail back untried (the host stops, the server is known to be down): the attempt is not counted.</summary>
    public async Task ReleaseAsync(QueuedMail claimed, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await Held(db, claimed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1), cancellationToken);
    }

    /// <summary>What waits and what failed, oldest first (at most <paramref name="max"/>), and how many of each there are.</summary>
    public async Task<(IReadOnlyList<QueuedMail> Mails, int Pending, int Failed)> ListAsync(bool failedOnly, int max,
        CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var counts = await db.QueuedMails.GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var mails = await db.QueuedMails.AsNoTracking()
            .Where(m => !failedOnly || m.Status == QueuedMailStatus.Failed)
            .OrderBy(m => m.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        return (mails, counts.Where(c => c.Status == QueuedMailStatus.Pending).Sum(c => c.Count),
            counts.Where(c => c.Status == QueuedMailStatus.Failed).Sum(c => c.Count));
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var settings = options.Value;
        var seconds = settings.FirstRetrySeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.MaxRetryMinutes * 60.0));
    }

    private static IQueryable<QueuedMail> Due(DirectoryDbContext db, DateTimeOffset now) =>
        db.QueuedMails.Where(m => m.Status == QueuedMailStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    // Only the worker holding the claim changes the row: if its lease lapsed and another took it, that one decides.
    private static IQueryable<QueuedMail> Held(DirectoryDbContext db, QueuedMail claimed) =>
        db.QueuedMails.Where(m => m.Id == claimed.Id && m.ClaimedUntil == claimed.ClaimedUntil);

    private static string Truncate(string error) => error.Length <= 200 ? error : error[..200];
}
