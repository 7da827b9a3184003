using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Direct Line conversations and their activities in the directory's database, so that a page reload or a service
/// restart replays the history from a watermark. The watermark is the sequence number of the last activity returned.
/// </summary>
internal sealed partial class DirectLineConversationStore(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time,
    ILogger<DirectLineConversationStore> logger)
{
    public const string ChannelId = "directline";
    private const int MaxAppendAttempts = 10;

    // Activities are served inside {"activities":[...]} and System.Text.Json writes at most 64 levels: a stored
    // activity deeper than this cannot be served, whatever wrote it (before issue 15, a client could).
    private static readonly JsonDocumentOptions StoredJson = new() { MaxDepth = 60 };

    public async Task<ChannelConversation> CreateAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var conversation = new ChannelConversation
        {
            // 128 random bits, URL-safe: ids are not secrets (the token is), but they should not be guessable either.
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ChannelId = ChannelId,
            UserId = userId,
            CreatedAt = time.GetUtcNow(),
            Version = Guid.NewGuid(),
        };
        db.ChannelConversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    public async Task<ChannelConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelConversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }

    /// <summary>
    /// Appends activities in order, giving each its id (conversationId|0000001), timestamp, channel and conversation.
    /// Safe across instances: the sequence numbers are claimed by an UPDATE of the conversation's row (LastSequence +
    /// count) in the transaction that inserts the activities, so a second appender waits for the first to commit and
    /// claims the numbers after its own. On SQLite the transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's
    /// default), which holds the file's write lock from its start, across processes. On SQL Server the UPDATE holds the
    /// row's exclusive lock until the commit, under READ COMMITTED and READ_COMMITTED_SNAPSHOT alike, so appends commit
    /// in sequence order and a reader never sees number 7 before 6 (a watermark would otherwise skip 6 for good).
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> AppendAsync(string conversationId, IReadOnlyList<JsonObject> activities,
        CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return activities;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var version = Guid.NewGuid();
            var claimed = await db.ChannelConversations.Where(c => c.Id == conversationId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.LastSequence, c => c.LastSequence + activities.Count)
                    .SetProperty(c => c.Version, version), cancellationToken);
            if (claimed == 0)
            {
                throw new InvalidOperationException($"The Direct Line conversation « {conversationId} » does not exist.");
            }

            var last = await db.ChannelConversations.Where(c => c.Id == conversationId).Select(c => c.LastSequence).SingleAsync(cancellationToken);
            var stored = new List<JsonObject>(activities.Count);
            var now = time.GetUtcNow();
            var sequence = last - activities.Count;
            foreach (var source in activities)
            {
                var activity = (JsonObject)source.DeepClone();
                var id = ActivityId(conversationId, ++sequence);
                activity["id"] = id;
                activity["timestamp"] ??= now.ToString("O", CultureInfo.InvariantCulture);
                activity["channelId"] = ChannelId;
                activity["conversation"] = new JsonObject { ["id"] = conversationId };
                db.ChannelActivities.Add(new ChannelActivity
                {
                    ConversationId = conversationId,
                    Sequence = sequence,
                    ActivityId = id,
                    Json = activity.ToJsonString(),
                    CreatedAt = now,
                });
                stored.Add(activity);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return stored;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < MaxAppendAttempts)
            {
                // The unique index (ConversationId, Sequence) is the last guard should a database ever let two
                // appenders claim one number (an isolation level that does not hold the row's lock): the transaction
                // is rolled back and the append claims fresh numbers.
            }
        }
    }

    /// <summary>Activities after <paramref name="watermark"/>, oldest first, and the new watermark.</summary>
    public async Task<(IReadOnlyList<JsonObject> Activities, int Watermark)> ReadAsync(string conversationId, int watermark,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ChannelActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > watermark)
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Json })
            .ToListAsync(cancellationToken);
        var activities = new List<JsonObject>(rows.Count);
        foreach (var row in rows)
        {
            if (Readable(row.Json) is { } activity)
            {
                activities.Add(activity);
            }
            else
            {
                // One unreadable activity must not lose the conversation: it is left out, and the watermark passes it.
                LogUnreadable(logger, conversationId, row.Sequence);
            }
        }

        return (activities, rows.Count > 0 ? rows[^1].Sequence : watermark);
    }

    private static JsonObject? Readable(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: StoredJson) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The watermark the client sent: a number, or absent/-/garbage meaning "from the start".</summary>
    public static int ParseWatermark(string? watermark) =>
        int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string ActivityId(string conversationId, int sequence) =>
        $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Direct Line activity {Sequence} of conversation {ConversationId} is not readable JSON: left out of the history")]
    private static partial void LogUnreadable(ILogger logger, string conversationId, int sequence);
}
