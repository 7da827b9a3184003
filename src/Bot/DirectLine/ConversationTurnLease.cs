using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Orders the turns of one conversation across instances, as <see cref="ConversationGate"/> does within one: a turn
/// (the parent's message stored, the bot run, its replies stored) holds the conversation's row, taken by a conditional
/// UPDATE (owner empty or lapsed), so that a message posted through another instance waits and its replies never land
/// between this message and its own. SQLite serialises the UPDATE by its write lock, SQL Server by the row's lock; both
/// report one row changed to exactly one taker. A crashed instance's hold lapses after
/// <see cref="DirectLineOptions.TurnLeaseSeconds"/>.
/// </summary>
internal sealed class ConversationTurnLease(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, IOptions<DirectLineOptions> options)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var settings = options.Value;

        // Real time, not TimeProvider: this bounds how long we poll, it is not a business rule.
        var giveUpAt = Environment.TickCount64 + settings.TurnWaitSeconds * 1000L;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();

            // A plain read first: a waiting turn polls without taking SQLite's write lock, which the running turn needs.
            var free = await db.ChannelConversations.AsNoTracking().Where(c => c.Id == conversationId)
                .Select(c => c.TurnOwner == null || c.TurnUntilMs < now).SingleAsync(cancellationToken);
            if (free)
            {
                var until = now + settings.TurnLeaseSeconds * 1000L;
                var taken = await db.ChannelConversations
                    .Where(c => c.Id == conversationId && (c.TurnOwner == null || c.TurnUntilMs < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.TurnOwner, owner).SetProperty(c => c.TurnUntilMs, until), cancellationToken);
                if (taken == 1)
                {
                    return new Held(factory, conversationId, owner);
                }
            }

            if (Environment.TickCount64 > giveUpAt)
            {
                throw new ConversationBusyException(conversationId, settings.TurnWaitSeconds);
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private sealed class Held(IDbContextFactory<DirectoryDbContext> factory, string conversationId, string owner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Not the request's token: a turn cancelled by the client still frees the conversation now, not at the lapse.
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            await db.ChannelConversations.Where(c => c.Id == conversationId && c.TurnOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TurnOwner, (string?)null).SetProperty(c => c.TurnUntilMs, 0L), CancellationToken.None);
        }
    }
}
