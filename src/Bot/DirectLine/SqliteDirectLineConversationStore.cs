using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SupportBot.AccountDirectory.Channels;
using SupportBot.AccountDirectory.Sqlite;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// The Direct Line log on the embedded SQLite file in plain prepared SQL: the same contract as
/// <see cref="DirectLineConversationStore"/> (the tables are the EF model's), at a fraction of EF Core's cost per
/// statement, on the path every message and every poll takes.
/// </summary>
internal sealed class SqliteDirectLineConversationStore(SqliteSessions sessions, TimeProvider time, ILogger<DirectLineConversationStore> logger)
    : IDirectLineConversationStore
{
    private static readonly ValueConverter<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter();

    public async Task<ChannelConversation> CreateAsync(string userId, CancellationToken cancellationToken)
    {
        var conversation = DirectLineConversationStore.NewConversation(userId, time.GetUtcNow());
        await using var rental = await sessions.RentAsync(cancellationToken);
        var insert = rental.Command("""
            INSERT INTO "ChannelConversations" ("Id", "ChannelId", "UserId", "CreatedAt", "LastSequence") VALUES ($id, $channel, $user, $created, 0)
            """, ("$id", conversation.Id), ("$channel", conversation.ChannelId), ("$user", userId), ("$created", Instant.ConvertToProvider(conversation.CreatedAt)));
        using (await sessions.Writes.EnterAsync(cancellationToken))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return conversation;
    }

    public async Task<ChannelConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var rental = await sessions.RentAsync(cancellationToken);
        var find = rental.Command("""
            SELECT "ChannelId", "UserId", "CreatedAt", "LastSequence" FROM "ChannelConversations" WHERE "Id" = $id
            """, ("$id", conversationId));
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ChannelConversation
            {
                Id = conversationId,
                ChannelId = reader.GetString(0),
                UserId = reader.GetString(1),
                CreatedAt = (DateTimeOffset)Instant.ConvertFromProvider(reader.GetInt64(2))!,
                LastSequence = reader.GetInt32(3),
            }
            : null;
    }

    public async Task<int> AppendAsync(string conversationId, int count, Func<int, string, string> render, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var now = Instant.ConvertToProvider(time.GetUtcNow());
        await using var rental = await sessions.RentAsync(cancellationToken);
        using var write = await sessions.Writes.EnterAsync(cancellationToken);

        // BEGIN IMMEDIATE takes the file's write lock now, across processes: the claim and the inserts commit together.
        await rental.Command("BEGIN IMMEDIATE").ExecuteNonQueryAsync(cancellationToken);
        try
        {
            var claim = rental.Command("""
                UPDATE "ChannelConversations" SET "LastSequence" = "LastSequence" + $count WHERE "Id" = $id RETURNING "LastSequence"
                """, ("$count", count), ("$id", conversationId));
            var last = await claim.ExecuteScalarAsync(cancellationToken) is long value
                ? (int)value
                : throw new DirectLineConversationGoneException(conversationId);
            var first = last - count + 1;
            for (var i = 0; i < count; i++)
            {
                var id = DirectLineActivityIds.For(conversationId, first + i);
                await rental.Command("""
                    INSERT INTO "ChannelActivities" ("ConversationId", "Sequence", "ActivityId", "Json", "CreatedAt") VALUES ($conversation, $sequence, $id, $json, $created)
                    """, ("$conversation", conversationId), ("$sequence", first + i), ("$id", id), ("$json", render(i, id)), ("$created", now))
                    .ExecuteNonQueryAsync(cancellationToken);
            }

            await rental.Command("COMMIT").ExecuteNonQueryAsync(cancellationToken);
            return first;
        }
        catch
        {
            // A connection left inside a transaction must not go back to the pool.
            rental.Discard();
            throw;
        }
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, int watermark, CancellationToken cancellationToken)
    {
        await using var rental = await sessions.RentAsync(cancellationToken);
        var read = rental.Command("""
            SELECT "Sequence", "Json" FROM "ChannelActivities" WHERE "ConversationId" = $id AND "Sequence" > $watermark ORDER BY "Sequence"
            """, ("$id", conversationId), ("$watermark", watermark));
        var page = new List<string>();
        var last = watermark;
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt32(0);
            DirectLineConversationStore.Keep(page, logger, conversationId, last, reader.GetString(1));
        }

        return new ActivityPage(page, last);
    }
}
