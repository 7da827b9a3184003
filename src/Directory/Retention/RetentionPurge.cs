using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.DialogState;

namespace SupportBot.AccountDirectory.Retention;

/// <summary>What one purge deleted, and what it forgot of the exchanges past the verbatim window.</summary>
public sealed record RetentionReport(int Conversations, int Activities, int ConversationStates, int UserStates, int SmsMessages, int ResetTokens,
    int SentMails = 0, int MisunderstoodMessages = 0, int ForgottenActivities = 0, int ForgottenSmsAnswers = 0, int ReducedStates = 0,
    int ClosedCases = 0, int RateLimitCounters = 0, int QueuedMails = 0,
    int SmsDeliveries = 0)
{
    public int Total => Conversations + Activities + ConversationStates + UserStates + SmsMessages + ResetTokens + SentMails + MisunderstoodMessages
        + ForgottenActivities + ForgottenSmsAnswers + ReducedStates + ClosedCases + RateLimitCounters + QueuedMails + SmsDeliveries;
}

/// <summary>
/// Deletes what the bot keeps about parents' exchanges once it is older than <see cref="RetentionOptions.Days"/>:
/// Direct Line conversations (a conversation goes when its last activity is that old, never in the middle of one),
/// dialog state, SMS received and their replies, the messages the bot did not understand (masked), spent or expired
/// reset links; the delivery statuses of SMS sent outside a case; failed mails of the mail queue (and a pending one no worker sent in all that time: it holds an
/// address in clear); the ledger of mails sent to schools once a day old (it only serves the hourly caps); the limits' counters
/// whose window has ended.
/// Sooner, past <see cref="RetentionOptions.VerbatimHours"/> after a conversation's last message, it forgets what the
/// parent wrote: the Direct Line history is deleted (names typed as answers cannot be found by a pattern, so masking
/// could not be trusted), the SMS answers kept for Twilio's retries are dropped, and the dialog state is reduced by
/// <see cref="IConversationStateReducer"/>. Director cases are kept whole until treated, then deleted with their history
/// <see cref="RetentionOptions.ClosedCaseDays"/> later. STOP opt-outs and accounts are kept. On SQLite, with
/// <c>secure_delete</c> on every connection, the WAL is then truncated, so that no copy of the old pages stays in the files.
/// Deletes run in batches, each its own short transaction, so that turns are not held up behind one long write.
/// </summary>
public sealed class RetentionPurge(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, IOptions<RetentionOptions> options,
    IConversationStateReducer? reducer = null)
{
    private const int BatchSize = 2000;

    public async Task<RetentionReport> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.Value.Days);
        var (conversations, activities) = await DeleteConversationsAsync(cutoff, cancellationToken);
        var states = await DeleteInBatchesAsync(db => db.ConversationStates.Where(s => s.UpdatedAt < cutoff && s.LeaseOwner == null)
            .OrderBy(s => s.Key).Take(BatchSize), cancellationToken);
        var users = await DeleteInBatchesAsync(db => db.UserStates.Where(s => s.UpdatedAt < cutoff).OrderBy(s => s.Key).Take(BatchSize),
            cancellationToken);
        var sms = await DeleteInBatchesAsync(db => db.SmsMessages.Where(m => m.ReceivedAt < cutoff).OrderBy(m => m.MessageSid).Take(BatchSize),
            cancellationToken);
        var tokens = await DeleteInBatchesAsync(db => db.PasswordResetTokens.Where(t => t.ExpiresAt < cutoff).OrderBy(t => t.Id).Take(BatchSize),
            cancellationToken);
        var mailsBefore = now - TimeSpan.FromDays(1);
        var mails = await DeleteInBatchesAsync(db => db.SentMails.Where(m => m.SentAt < mailsBefore).OrderBy(m => m.Id).Take(BatchSize), cancellationToken);
        var misunderstood = await DeleteInBatchesAsync(db => db.MisunderstoodMessages.Where(m => m.At < cutoff).OrderBy(m => m.Id).Take(BatchSize),
            cancellationToken);

        var verbatim = now - TimeSpan.FromHours(options.Value.VerbatimHours);
        var forgotten = await ForgetHistoriesAsync(verbatim, cancellationToken);
        var answers = await UpdateInBatchesAsync(db => db.SmsMessages.Where(m => m.ReceivedAt < verbatim && m.ResponseTwiml != null)
            .OrderBy(m => m.MessageSid).Take(BatchSize), s => s.SetProperty(m => m.ResponseTwiml, (string?)null), cancellationToken);
        var reduced = await ReduceStatesAsync(verbatim, cancellationToken);
        var closed = await DeleteClosedCasesAsync(now - TimeSpan.FromDays(options.Value.ClosedCaseDays), cancellationToken);
        var nowMs = now.ToUnixTimeMilliseconds();
        var counters = await DeleteInBatchesAsync(db => db.RateLimitCounters.Where(c => c.WindowEndMs < nowMs).OrderBy(c => c.Key).Take(BatchSize),
            cancellationToken);
        var queued = await DeleteInBatchesAsync(db => db.QueuedMails.Where(m => m.CreatedAt < cutoff).OrderBy(m => m.Id).Take(BatchSize),
            cancellationToken);
        var deliveries = await DeleteInBatchesAsync(db => db.SmsDeliveries.Where(d => d.DirectorCaseId == null && d.SentAt < cutoff)
            .OrderBy(d => d.MessageSid).Take(BatchSize), cancellationToken);

        var report = new RetentionReport(conversations, activities, states, users, sms, tokens, mails, misunderstood, forgotten, answers, reduced, closed,
            counters, queued, deliveries);
        if (report.Total > 0)
        {
            await TruncateSqliteLogAsync(cancellationToken);
        }

        return report;
    }

    private async Task<(int Conversations, int Activities)> DeleteConversationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var activities = 0;
        var conversations = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.ChannelConversations
                .Where(c => c.CreatedAt < cutoff && !db.ChannelActivities.Any(a => a.ConversationId == c.Id && a.CreatedAt >= cutoff))
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .Take(BatchSize / 20)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (conversations, activities);
            }

            activities += await db.ChannelActivities.Where(a => batch.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            conversations += await db.ChannelConversations.Where(c => batch.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The activities of the Direct Line conversations whose last one is older than <paramref name="verbatim"/>. The
    /// conversation stays (its watermark, its user) until <see cref="RetentionOptions.Days"/>.
    /// </summary>
    private async Task<int> ForgetHistoriesAsync(DateTimeOffset verbatim, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.ChannelConversations
                .Where(c => db.ChannelActivities.Any(a => a.ConversationId == c.Id)
                    && !db.ChannelActivities.Any(a => a.ConversationId == c.Id && a.CreatedAt >= verbatim))
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .Take(BatchSize / 20)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return deleted;
            }

            deleted += await db.ChannelActivities.Where(a => batch.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Dialog states idle since <paramref name="verbatim"/>, reduced by the bot's <see cref="IConversationStateReducer"/>. A
    /// turn that starts meanwhile wins: the row is written only if its ETag and lease are still those read.
    /// </summary>
    private async Task<int> ReduceStatesAsync(DateTimeOffset verbatim, CancellationToken cancellationToken)
    {
        if (reducer is null)
        {
            return 0;
        }

        var total = 0;
        while (true)
        {
            List<ConversationStateRecord> batch;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                batch = await db.ConversationStates.AsNoTracking()
                    .Where(s => s.UpdatedAt < verbatim && s.LeaseOwner == null && !s.ETag.StartsWith(ConversationStateRecord.ReducedMark))
                    .OrderBy(s => s.Key)
                    .Take(BatchSize / 10)
                    .ToListAsync(cancellationToken);
            }

            var changed = 0;
            foreach (var state in batch)
            {
                var json = reducer.Reduce(state.Json);
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var same = db.ConversationStates.Where(s => s.Key == state.Key && s.ETag == state.ETag && s.LeaseOwner == null);
                var etag = ConversationStateRecord.ReducedMark + Guid.NewGuid().ToString("N")[1..];
                changed += json is null
                    ? await same.ExecuteDeleteAsync(cancellationToken)
                    : await same.ExecuteUpdateAsync(s => s.SetProperty(x => x.Json, json).SetProperty(x => x.ETag, etag), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            total += changed;

            // A batch where every row was taken by a turn meanwhile: those rows are no longer idle, nothing is left to do now.
            if (batch.Count < BatchSize / 10 || changed == 0)
            {
                return total;
            }
        }
    }

    private async Task<int> DeleteClosedCasesAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.DirectorCases
                .Where(c => c.Status == DirectorCaseStatus.Resolved && c.ResolvedAt < closedBefore)
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .Take(BatchSize / 20)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return deleted;
            }

            await db.DirectorCaseEvents.Where(e => batch.Contains(e.DirectorCaseId)).ExecuteDeleteAsync(cancellationToken);
            deleted += await db.DirectorCases.Where(c => batch.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Empties SQLite's write-ahead log into the database and truncates it: the WAL keeps the pages as they were before
    /// the purge until they are overwritten. Best effort: a reader still on an older snapshot leaves it for the next purge.
    /// </summary>
    private async Task TruncateSqliteLogAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
    }

    private Task<int> DeleteInBatchesAsync<T>(Func<DirectoryDbContext, IQueryable<T>> rows, CancellationToken cancellationToken) =>
        InBatchesAsync(db => rows(db).ExecuteDeleteAsync(cancellationToken), cancellationToken);

    private Task<int> UpdateInBatchesAsync<T>(Func<DirectoryDbContext, IQueryable<T>> rows, Action<UpdateSettersBuilder<T>> setters,
        CancellationToken cancellationToken) =>
        InBatchesAsync(db => rows(db).ExecuteUpdateAsync(setters, cancellationToken), cancellationToken);

    private async Task<int> InBatchesAsync(Func<DirectoryDbContext, Task<int>> statement, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);

            // In a transaction, so that on SQLite the statement queues on the write gate like every other write.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await statement(db);
            await transaction.CommitAsync(cancellationToken);
            total += changed;
            if (changed < BatchSize)
            {
                return total;
            }
        }
    }
}
