using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;

namespace SupportBot.Bot.DirectLine;

/// <summary>The Direct Line log through EF Core, for any provider of the directory (SQL Server in production).</summary>
internal sealed partial class DirectLineConversationStore(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time,
    ILogger<DirectLineConversationStore> logger) : IDirectLineConversationStore
{
    public async Task<ChannelConversation> CreateAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var conversation = NewConversation(userId, time.GetUtcNow());
        db.ChannelConversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    public async Task<ChannelConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelConversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }

    public async Task<int> AppendAsync(string conversationId, int count, Func<int, string, string> render, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ChannelConversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + count), cancellationToken);
        if (claimed == 0)
        {
            throw new DirectLineConversationGoneException(conversationId);
        }

        var last = await db.ChannelConversations.Where(c => c.Id == conversationId).Select(c => c.LastSequence).SingleAsync(cancellationToken);
        var first = last - count + 1;
        var now = time.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var id = DirectLineActivityIds.For(conversationId, first + i);
            db.ChannelActivities.Add(new ChannelActivity
            {
                ConversationId = conversationId,
                Sequence = first + i,
                ActivityId = id,
                Json = render(i, id),
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return first;
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, int watermark, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ChannelActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > watermark)
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Json })
            .ToListAsync(cancellationToken);
        var page = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            Keep(page, logger, conversationId, row.Sequence, row.Json);
        }

        return new ActivityPage(page, rows.Count > 0 ? rows[^1].Sequence : watermark);
    }

    /// <summary>128 random bits, URL-safe: ids are not secrets (the token is), but they should not be guessable either.</summary>
    internal static ChannelConversation NewConversation(string userId, DateTimeOffset now) => new()
    {
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        ChannelId = DirectLineActivityIds.ChannelId,
        UserId = userId,
        CreatedAt = now,
    };

    /// <summary>One unreadable activity must not lose the conversation: it is left out, and the watermark passes it.</summary>
    internal static void Keep(List<string> page, ILogger logger, string conversationId, int sequence, string json)
    {
        if (DirectLineActivityIds.IsServable(json))
        {
            page.Add(json);
        }
        else
        {
            LogUnreadable(logger, conversationId, sequence);
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Direct Line activity {Sequence} of conversation {ConversationId} is not readable JSON: left out of the history")]
    private static partial void LogUnreadable(ILogger logger, string conversationId, int sequence);
}
