using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Privacy;

namespace SupportBot.Bot.Cases;

/// <summary>
/// Mails each case's destination (its school's director, else the académie's assistance) once per destination, and the
/// parents who gave an e-mail address once their case is treated. The database is the queue: cases are opened, assigned,
/// sent back or treated by any instance or tool, and several instances may poll it, so each mail is claimed for a few
/// minutes by a conditional update (one instance sends; a claim left by a crash lapses and another sends: twice at worst,
/// never zero times). A mailbox receives at most <see cref="CasesOptions.MailsPerSchoolPerHour"/> mails an hour; the
/// others wait for the next poll after the hour (their cases are in the workspace at once).
/// </summary>
internal sealed partial class CaseDispatcher(IDbContextFactory<DirectoryDbContext> factory, CaseMails mails, IMailSender sender,
    IOptions<CasesOptions> options, TimeProvider time, ILogger<CaseDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    // Cases treated longer ago are never mailed to the parent (the service back after a long outage).
    private static readonly TimeSpan MaxParentAge = TimeSpan.FromDays(7);
    private const int BatchSize = 50;

    /// <summary>One poll: the destinations due (or only <paramref name="caseId"/>'s), then the parents; how many mails left.</summary>
    public async Task<int> RunOnceAsync(int? caseId = null, CancellationToken cancellationToken = default) =>
        await SendDestinationsAsync(caseId, cancellationToken) + (caseId is null ? await TellParentsAsync(cancellationToken) : 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DispatchPollSeconds), time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(null, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // A failed poll (database busy, mail server down) must not stop the host: the next one tries again.
                    LogPollFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task<int> SendDestinationsAsync(int? caseId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return EachDueAsync(db => db.DirectorCases.Where(c => c.Status == DirectorCaseStatus.Open && c.DestinationMailedAt == null
            && (c.DestinationMailClaimedUntil == null || c.DestinationMailClaimedUntil < now)
            && (caseId == null || c.Id == caseId)), SendDestinationAsync, cancellationToken);
    }

    /// <summary>Sends each case <paramref name="due"/> finds (a batch, oldest first), one after the other; how many mails left.</summary>
    private async Task<int> EachDueAsync(Func<DirectoryDbContext, IQueryable<DirectorCase>> due, Func<int, CancellationToken, Task<bool>> send,
        CancellationToken cancellationToken)
    {
        List<int> ids;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            ids = await due(db).AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in ids)
        {
            sent += await send(id, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> SendDestinationAsync(int caseId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var directorCase = await db.DirectorCases.Include(c => c.School).FirstAsync(c => c.Id == caseId, cancellationToken);
        var school = directorCase.School;
        var scope = school is null ? "academie" : "ecole:" + school.Uai;
        var cap = school is null ? options.Value.MailsToAcademiePerHour : options.Value.MailsPerSchoolPerHour;
        var hourAgo = now - TimeSpan.FromHours(1);
        if (await db.SentMails.CountAsync(m => m.Scope == scope && m.SentAt > hourAgo, cancellationToken) >= cap)
        {
            LogCapped(logger, directorCase.Reference, scope, cap);
            return false;
        }

        var claimedUntil = now + ClaimLease;
        var claimed = await db.DirectorCases
            .Where(c => c.Id == caseId && c.DestinationMailedAt == null && c.Status == DirectorCaseStatus.Open
                && c.SchoolId == directorCase.SchoolId
                && (c.DestinationMailClaimedUntil == null || c.DestinationMailClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DestinationMailClaimedUntil, claimedUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var mail = school is null
            ? mails.ToAcademie(directorCase, await RefusalAsync(db, caseId, cancellationToken))
            : mails.ToDirector(directorCase, school);
        if (mail is not null)
        {
            try
            {
                await sender.SendAsync(mail, cancellationToken);
            }
            catch (Exception e)
            {
                // The mail server is down or refused: give the claim back so that the next poll sends it. Not with the
                // caller's token: a stopping host must still release.
                await db.DirectorCases.Where(c => c.Id == caseId && c.DestinationMailClaimedUntil == claimedUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.DestinationMailClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
                if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                LogRetry(logger, directorCase.Reference, scope, e.GetType().Name, e.Message);
                return false;
            }
        }
        else
        {
            // No mailbox (no académie address configured): the case waits in the académie's queue page.
            LogNoMailbox(logger, directorCase.Reference, scope);
        }

        // Once sent, recorded even if the host is stopping.
        var sentAt = time.GetUtcNow();
        var tracked = await db.DirectorCases.FirstAsync(c => c.Id == caseId, CancellationToken.None);
        tracked.DestinationMailedAt = sentAt;
        tracked.DestinationMailClaimedUntil = null;
        if (mail is not null)
        {
            db.SentMails.Add(new SentMail { Scope = scope, Purpose = mail.Purpose, SentAt = sentAt });
            db.DirectorCaseEvents.Add(new DirectorCaseEvent
            {
                DirectorCaseId = caseId, At = sentAt, Type = DirectorCaseEventType.Mailed, SchoolId = tracked.SchoolId, Note = mail.To,
            });
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return mail is not null;
    }

    private static async Task<(AccountDirectory.Schools.School, string)?> RefusalAsync(DirectoryDbContext db, int caseId, CancellationToken cancellationToken)
    {
        var refusal = await db.DirectorCaseEvents.AsNoTracking().Include(e => e.School)
            .Where(e => e.DirectorCaseId == caseId)
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return refusal is { Type: DirectorCaseEventType.Refused, School: { } school } ? (school, refusal.Note ?? "") : null;
    }

    private Task<int> TellParentsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - MaxParentAge;
        return EachDueAsync(db => db.DirectorCases.Where(c => c.Status == DirectorCaseStatus.Resolved && c.ContactEmail != null
            && c.ParentMailedAt == null && c.ResolvedAt >= since
            && (c.ParentMailClaimedUntil == null || c.ParentMailClaimedUntil < now)), TellParentAsync, cancellationToken);
    }

    private async Task<bool> TellParentAsync(int caseId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimedUntil = now + ClaimLease;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.DirectorCases
            .Where(c => c.Id == caseId && c.ParentMailedAt == null && (c.ParentMailClaimedUntil == null || c.ParentMailClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentMailClaimedUntil, claimedUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var directorCase = await db.DirectorCases.AsNoTracking().FirstAsync(c => c.Id == caseId, cancellationToken);
        try
        {
            await sender.SendAsync(mails.ToParent(directorCase, directorCase.ContactEmail!), cancellationToken);
        }
        catch (Exception e)
        {
            await db.DirectorCases.Where(c => c.Id == caseId && c.ParentMailClaimedUntil == claimedUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentMailClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogParentRetry(logger, directorCase.Reference, Mask.Email(directorCase.ContactEmail), e.GetType().Name);
            return false;
        }

        var sentAt = time.GetUtcNow();
        await db.DirectorCases.Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentMailedAt, sentAt).SetProperty(c => c.ParentMailClaimedUntil, (DateTimeOffset?)null),
                CancellationToken.None);
        db.DirectorCaseEvents.Add(new DirectorCaseEvent
        {
            DirectorCaseId = caseId, At = sentAt, Type = DirectorCaseEventType.ParentNotified, Note = Mask.Email(directorCase.ContactEmail),
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Case {Reference}: the hourly cap of {Scope} ({Cap}) is reached, its mail waits")]
    private static partial void LogCapped(ILogger logger, string reference, string scope, int cap);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Case {Reference}: mail to {Scope} failed ({Error}: {Message}), retried at the next poll")]
    private static partial void LogRetry(ILogger logger, string reference, string scope, string error, string message);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Case {Reference}: {Scope} has no mailbox (Cases:AcademieEmail?); the case waits in the workspace")]
    private static partial void LogNoMailbox(ILogger logger, string reference, string scope);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Warning, Message = "Case {Reference}: mail to the parent {To} failed ({Error}), retried at the next poll")]
    private static partial void LogParentRetry(ILogger logger, string reference, string to, string error);

    [LoggerMessage(EventId = 4024, Level = LogLevel.Error, Message = "Dispatching case mails failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
