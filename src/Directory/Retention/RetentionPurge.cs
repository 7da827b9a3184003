using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SupportBot.AccountDirectory.Retention;

/// <summary>What one purge deleted.</summary>
public sealed record RetentionReport(int Conversations, int Activities, int ConversationStates, int UserStates, int SmsMessages, int ResetTokens,
    int SentMails = 0, int MisunderstoodMessages = 0, int QueuedMails = 0)
{
    public int Total => Conversations + Activities + ConversationStates + UserStates + SmsMessages + ResetTokens + SentMails + MisunderstoodMessages
        + QueuedMails;
}

/// <summary>
/// Deletes what the bot keeps about parents' exchanges once it is older than <see cref="RetentionOptions.Days"/>:
/// Direct Line conversations (a conversation goes when its last activity is that old, never in the middle of one),
/// dialog state, SMS received and their replies, the messages the bot did not understand (masked), spent or expired
/// reset links, failed mails of the mail queue (and a pending one no worker sent in all that time: it holds an
/// address in clear); the ledger of mails sent to schools once
/// a day old (it only serves the hourly caps). What must outlive that is kept: STOP opt-outs, accounts, director cases
/// and their history. Deletes run in batches, each its own short transaction, so that turns are not
/// held up behind one long write.
/// </summary>
public sealed class RetentionPurge(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, IOptions<RetentionOptions> options)
{
    private const int BatchSize = 2000;

    public async Task<RetentionReport> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.Days);
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
                break;
            }

            activities += await db.ChannelActivities.Where(a => batch.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            conversations += await db.ChannelConversations.Where(c => batch.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var states = await DeleteInBatchesAsync(db => db.ConversationStates.Where(s => s.UpdatedAt < cutoff && s.LeaseOwner == null)
            .OrderBy(s => s.Key).Take(BatchSize), cancellationToken);
        var users = await DeleteInBatchesAsync(db => db.UserStates.Where(s => s.UpdatedAt < cutoff).OrderBy(s => s.Key).Take(BatchSize),
            cancellationToken);
        var sms = await DeleteInBatchesAsync(db => db.SmsMessages.Where(m => m.ReceivedAt < cutoff).OrderBy(m => m.MessageSid).Take(BatchSize),
            cancellationToken);
        var tokens = await DeleteInBatchesAsync(db => db.PasswordResetTokens.Where(t => t.ExpiresAt < cutoff).OrderBy(t => t.Id).Take(BatchSize),
            cancellationToken);
        var mailsBefore = time.GetUtcNow() - TimeSpan.FromDays(1);
        var mails = await DeleteInBatchesAsync(db => db.SentMails.Where(m => m.SentAt < mailsBefore).OrderBy(m => m.Id).Take(BatchSize), cancellationToken);
        var misunderstood = await DeleteInBatchesAsync(db => db.MisunderstoodMessages.Where(m => m.At < cutoff).OrderBy(m => m.Id).Take(BatchSize),
            cancellationToken);
        var queued = await DeleteInBatchesAsync(db => db.QueuedMails.Where(m => m.CreatedAt < cutoff).OrderBy(m => m.Id).Take(BatchSize),
            cancellationToken);
        return new RetentionReport(conversations, activities, states, users, sms, tokens, mails, misunderstood, queued);
    }

    private async Task<int> DeleteInBatchesAsync<T>(Func<DirectoryDbContext, IQueryable<T>> rows, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);

            // In a transaction, so that on SQLite the delete queues on the write gate like every other write.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var deleted = await rows(db).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }
}
