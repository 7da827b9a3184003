using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.DialogState;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

/// <summary>
/// State rows in the directory's database. A turn takes the conversation's lease with a conditional UPDATE (so exactly
/// one turn of one conversation runs at a time across instances), and writes back only if the row's ETag is still the
/// one it read, so that an update is never silently lost even if a lease lapsed.
/// </summary>
internal sealed class DatabaseDialogStateStore(IDbContextFactory<DirectoryDbContext> contexts, TimeProvider time, IOptions<StateOptions> options)
    : IDialogStateStore
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(15);

    public async Task<ConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EnsureRowAsync(db, conversationKey, cancellationToken);

        // Real time, not TimeProvider: this bounds how long we poll, it is not a business rule.
        var giveUpAt = Environment.TickCount64 + options.Value.WaitSeconds * 1000L;
        while (true)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var until = now + options.Value.LeaseSeconds * 1000L;
            var taken = await db.ConversationStates
                .Where(s => s.Key == conversationKey && (s.LeaseOwner == null || s.LeaseUntilMs < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, owner).SetProperty(x => x.LeaseUntilMs, until), cancellationToken);
            if (taken == 1)
            {
                var row = await db.ConversationStates.AsNoTracking().SingleAsync(s => s.Key == conversationKey, cancellationToken);
                return new ConversationLease(conversationKey, owner, row.ETag, StateJson.Read<ConversationData>(row.Json));
            }

            if (Environment.TickCount64 > giveUpAt)
            {
                throw new TimeoutException($"The conversation « {conversationKey} » stayed busy for {options.Value.WaitSeconds} s.");
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    public async Task SaveAsync(ConversationLease lease, ConversationData data, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = StateJson.Write(data);
        var etag = StateJson.NewETag();
        var now = time.GetUtcNow();
        var written = await db.ConversationStates
            .Where(s => s.Key == lease.Key && s.ETag == lease.ETag && s.LeaseOwner == lease.Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Json, json)
                .SetProperty(x => x.ETag, etag)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.LeaseOwner, (string?)null)
                .SetProperty(x => x.LeaseUntilMs, 0L), cancellationToken);
        if (written == 0)
        {
            throw new DialogStateConflictException(lease.Key);
        }
    }

    public async Task ReleaseAsync(ConversationLease lease)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.ConversationStates
            .Where(s => s.Key == lease.Key && s.LeaseOwner == lease.Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntilMs, 0L));
    }

    public async Task<bool> UpdateUserAsync(string userKey, Func<UserData, bool> update, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.UserStates.FirstOrDefaultAsync(s => s.Key == userKey, cancellationToken);
            var data = StateJson.Read<UserData>(row?.Json);
            if (!update(data))
            {
                return false;
            }

            if (row is null)
            {
                row = new UserStateRecord { Key = userKey, Json = "", ETag = "" };
                db.UserStates.Add(row);
            }

            row.Json = StateJson.Write(data);
            row.ETag = StateJson.NewETag();
            row.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException) when (attempt < 50)
            {
                // Another instance inserted or updated the row since our read (ETag concurrency token or primary key):
                // read it again and re-apply the update on top of theirs, after a short random pause so that writers
                // that all read the same version do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(1, 2 + Math.Min(attempt, 10) * 2), cancellationToken);
            }
        }
    }

    private static async Task EnsureRowAsync(DirectoryDbContext db, string key, CancellationToken cancellationToken)
    {
        if (await db.ConversationStates.AnyAsync(s => s.Key == key, cancellationToken))
        {
            return;
        }

        db.ConversationStates.Add(new ConversationStateRecord { Key = key, Json = "{}", ETag = StateJson.NewETag() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The other instance created it first; that row is the one we want.
            db.ChangeTracker.Clear();
        }
    }
}
