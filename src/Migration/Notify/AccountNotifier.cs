using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Privacy;

namespace SupportBot.Migration.Notify;

internal sealed record NotifyResult(int Sent, int Failed, int Remaining, int InterruptedEarlier);

/// <summary>
/// Mails each migrated, notified account (confirmed address) its identifier and a set-password link, at most
/// Migration:MessagesPerMinute. An account is claimed in the database before its mail leaves, under a unique index:
/// whatever happens (crash, two runs at once) no account is mailed twice, and a rerun goes on with the others.
/// </summary>
internal sealed partial class AccountNotifier(DirectoryDbContext db, PasswordResetService resets, IMailSender mail,
    IOptions<MigrationOptions> options, IOptions<DirectoryOptions> directory, TimeProvider time, ILogger<AccountNotifier> logger)
{
    public async Task<NotifyResult> NotifyAsync(int? limit, Action<long, long> progress, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMinutes(1) / options.Value.MessagesPerMinute;
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var total = await Pending().CountAsync(cancellationToken);
        var goal = Math.Min(total, limit ?? int.MaxValue);
        var sent = 0;
        var failed = 0;
        var last = DateTimeOffset.MinValue;
        var skip = new HashSet<int>();
        while (sent + failed < goal)
        {
            var next = await Pending().Where(a => !skip.Contains(a.Id)).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Identifier, a.Email, Aliases = a.Aliases.Select(x => x.Alias).ToList() })
                .Take(Math.Min(200, goal - sent - failed)).ToListAsync(cancellationToken);
            if (next.Count == 0)
            {
                break;
            }

            foreach (var account in next)
            {
                var wait = last + interval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                last = time.GetUtcNow();
                if (!await ClaimAsync(account.Id, cancellationToken))
                {
                    skip.Add(account.Id);
                    continue;
                }

                try
                {
                    var token = await resets.IssueAsync(new Account { Id = account.Id, Identifier = account.Identifier }, cancellationToken);
                    var link = new Uri($"{baseUrl}/motdepasse/reinitialiser?jeton={Uri.EscapeDataString(token)}");
                    var message = NotificationMail.Build(account.Email!, account.Identifier, account.Aliases.Order(StringComparer.Ordinal).ToList(), link,
                        directory.Value.PasswordResetTokenMinutes);
                    var messageId = await mail.SendAsync(message, cancellationToken);
                    await db.AccountNotifications.Where(n => n.AccountId == account.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, time.GetUtcNow()).SetProperty(n => n.MessageId, messageId), cancellationToken);
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Not sent: the claim is withdrawn so that the next run tries again.
                    LogFailed(logger, Mask.Identifier(account.Identifier), e.Message);
                    await db.AccountNotifications.Where(n => n.AccountId == account.Id && n.SentAt == null).ExecuteDeleteAsync(CancellationToken.None);
                    skip.Add(account.Id);
                    failed++;
                }

                progress(sent + failed, goal);
            }
        }

        var remaining = await Pending().CountAsync(cancellationToken);
        var interrupted = await db.AccountNotifications.CountAsync(n => n.SentAt == null, cancellationToken);
        return new NotifyResult(sent, failed, remaining, interrupted);
    }

    private IQueryable<Account> Pending() =>
        db.Accounts.AsNoTracking().Where(a => a.Origin == AccountOrigin.MigrationSiecle && a.Status == AccountStatus.NotifieNonActive
            && a.EmailConfirmed && a.Email != null && !db.AccountNotifications.Any(n => n.AccountId == a.Id));

    private async Task<bool> ClaimAsync(int accountId, CancellationToken cancellationToken)
    {
        var claim = new AccountNotification { AccountId = accountId, ClaimedAt = time.GetUtcNow() };
        db.AccountNotifications.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e, nameof(AccountNotification.AccountId)))
        {
            return false;
        }
        finally
        {
            db.Entry(claim).State = EntityState.Detached;
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Notification of {Identifier} not sent, will be retried by the next run: {Reason}")]
    private static partial void LogFailed(ILogger logger, string identifier, string reason);
}
