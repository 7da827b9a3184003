using Microsoft.EntityFrameworkCore;

namespace SupportBot.AccountDirectory.Limits;

/// <summary>
/// Limits that hold across conversations, service instances and restarts: each key's hits are counted in the directory's
/// database, in windows that begin with a key's first hit (a parent refused is told when to come back). Callers pass a
/// keyed hash, never the address, e-mail or identifier itself.
/// </summary>
public sealed class RateLimitCounters(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time)
{
    /// <summary>Counts one hit of <paramref name="key"/> if fewer than <paramref name="limit"/> were counted in its window.</summary>
    public async Task<RateLimitDecision> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var windowMs = (long)window.TotalMilliseconds;
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);

            // One conditional UPDATE, atomic on both providers: counts the hit while the window has room, or starts a new
            // window once the last one ended; two instances counting at once can never both take the last place.
            var counted = await db.RateLimitCounters
                .Where(c => c.Key == key && (c.WindowEndMs <= now || c.Count < limit))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Count, c => c.WindowEndMs <= now ? 1 : c.Count + 1)
                    .SetProperty(c => c.WindowEndMs, c => c.WindowEndMs <= now ? now + windowMs : c.WindowEndMs), cancellationToken);
            if (counted == 1)
            {
                return RateLimitDecision.Allow;
            }

            var end = await db.RateLimitCounters.Where(c => c.Key == key).Select(c => (long?)c.WindowEndMs).SingleOrDefaultAsync(cancellationToken);
            if (end > now)
            {
                return new RateLimitDecision(false, TimeSpan.FromMilliseconds(end.Value - now));
            }

            if (end is null)
            {
                db.RateLimitCounters.Add(new RateLimitCounter { Key = key, WindowEndMs = now + windowMs, Count = 1 });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return RateLimitDecision.Allow;
                }
                catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < 10)
                {
                    // Another instance counted this key's first hit at the same moment: count on top of its row.
                }
            }
        }
    }
}
