using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio may send one message (MessageSid) several times, even at the same moment and to two instances. The first
/// request to insert its row (the primary key decides, on SQLite and SQL Server alike) runs the turn; every other waits
/// for the answer that request stores, and replays it.
/// </summary>
internal static class SmsMessageClaims
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>What became of a request: it runs the turn, or replays <see cref="Answer"/>, or the first is still running.</summary>
    public sealed record Outcome(bool Claimed, string? Answer);

    public static async Task<Outcome> ClaimOrAwaitAsync(DirectoryDbContext db, SmsMessage received, TimeSpan wait, CancellationToken cancellationToken)
    {
        // Real time, not TimeProvider: this bounds how long we poll, it is not a business rule.
        var giveUpAt = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (true)
        {
            var previous = await db.SmsMessages.AsNoTracking().Where(m => m.MessageSid == received.MessageSid)
                .Select(m => new { m.ResponseTwiml }).FirstOrDefaultAsync(cancellationToken);
            if (previous?.ResponseTwiml is { } answer)
            {
                return new Outcome(false, answer);
            }

            if (previous is null)
            {
                db.SmsMessages.Add(received);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new Outcome(true, null);
                }
                catch (DbUpdateException e) when (UniqueViolation.Is(e))
                {
                    // Another request inserted it first: wait for its answer.
                    db.ChangeTracker.Clear();
                }
            }

            if (Environment.TickCount64 > giveUpAt)
            {
                return new Outcome(false, null);
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>The turn failed: the row goes, so that Twilio's next retry runs the turn again rather than waiting for nothing.</summary>
    public static async Task ReleaseAsync(IDbContextFactory<DirectoryDbContext> factory, string messageSid)
    {
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        await db.SmsMessages.Where(m => m.MessageSid == messageSid && m.ResponseTwiml == null).ExecuteDeleteAsync(CancellationToken.None);
    }
}
