using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Sqlite;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

/// <summary>
/// The same contract as <see cref="DatabaseDialogStateStore"/> on the embedded SQLite database, in plain SQL: a turn
/// costs one statement to take the lease (UPDATE ... RETURNING) and one to write back, where EF Core's ExecuteUpdate
/// cost several times more (bench <c>turns --state sqlite</c>). The tables are the EF model's (migration DialogState).
/// </summary>
internal sealed class SqliteDialogStateStore(SqliteSessions sessions, TimeProvider time, IOptions<StateOptions> options) : IDialogStateStore
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(15);
    private static readonly ValueConverter<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter();

    private readonly TimeProvider _time = time;
    private readonly IOptions<StateOptions> _options = options;
    private readonly SqliteWriteGate _writes = sessions.Writes;

    public async Task<ConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        await using var rental = await sessions.RentAsync(cancellationToken);
        var giveUpAt = Environment.TickCount64 + _options.Value.WaitSeconds * 1000L;
        while (true)
        {
            using (await _writes.EnterAsync(cancellationToken))
            {
                if (await TryTakeAsync(rental, conversationKey, owner, cancellationToken) is { } lease)
                {
                    return lease;
                }
            }

            if (Environment.TickCount64 > giveUpAt)
            {
                throw new TimeoutException($"The conversation « {conversationKey} » stayed busy for {_options.Value.WaitSeconds} s.");
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>The conversation leased to <paramref name="owner"/>, created if new; null while another turn holds it.</summary>
    private async Task<ConversationLease?> TryTakeAsync(SqliteSessions.Rental rental, string conversationKey, string owner, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var take = rental.Command("""
            UPDATE "ConversationStates" SET "LeaseOwner" = $owner, "LeaseUntilMs" = $until
            WHERE "Key" = $key AND ("LeaseOwner" IS NULL OR "LeaseUntilMs" < $now)
            RETURNING "Json", "ETag"
            """, ("$owner", owner), ("$until", nowMs + _options.Value.LeaseSeconds * 1000L), ("$key", conversationKey), ("$now", nowMs));
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return new ConversationLease(conversationKey, owner, reader.GetString(1), StateJson.Read<ConversationData>(reader.GetString(0)));
            }
        }

        var etag = StateJson.NewETag();
        var create = rental.Command("""
            INSERT INTO "ConversationStates" ("Key", "Json", "ETag", "LeaseOwner", "LeaseUntilMs", "UpdatedAt")
            VALUES ($key, '{}', $etag, $owner, $until, $updated) ON CONFLICT ("Key") DO NOTHING
            """, ("$key", conversationKey), ("$etag", etag), ("$owner", owner), ("$until", nowMs + _options.Value.LeaseSeconds * 1000L),
            ("$updated", Instant.ConvertToProvider(now)!));
        return await create.ExecuteNonQueryAsync(cancellationToken) == 1
            ? new ConversationLease(conversationKey, owner, etag, new ConversationData())
            : null;
    }

    public async Task SaveAsync(ConversationLease lease, ConversationData data, CancellationToken cancellationToken)
    {
        await using var rental = await sessions.RentAsync(cancellationToken);
        var save = rental.Command("""
            UPDATE "ConversationStates" SET "Json" = $json, "ETag" = $etag, "UpdatedAt" = $updated, "LeaseOwner" = NULL, "LeaseUntilMs" = 0
            WHERE "Key" = $key AND "ETag" = $read AND "LeaseOwner" = $owner
            """, ("$json", StateJson.Write(data)), ("$etag", StateJson.NewETag()), ("$updated", Instant.ConvertToProvider(_time.GetUtcNow())!),
            ("$key", lease.Key), ("$read", lease.ETag), ("$owner", lease.Owner));
        using var write = await _writes.EnterAsync(cancellationToken);
        if (await save.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new DialogStateConflictException(lease.Key);
        }
    }

    public async Task ReleaseAsync(ConversationLease lease)
    {
        await using var rental = await sessions.RentAsync(CancellationToken.None);
        var release = rental.Command("""
            UPDATE "ConversationStates" SET "LeaseOwner" = NULL, "LeaseUntilMs" = 0 WHERE "Key" = $key AND "LeaseOwner" = $owner
            """, ("$key", lease.Key), ("$owner", lease.Owner));
        using var write = await _writes.EnterAsync(CancellationToken.None);
        await release.ExecuteNonQueryAsync();
    }

    public async Task<bool> UpdateUserAsync(string userKey, Func<UserData, bool> update, CancellationToken cancellationToken)
    {
        await using var rental = await sessions.RentAsync(cancellationToken);
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            string? json = null, etag = null;
            var read = rental.Command("""SELECT "Json", "ETag" FROM "UserStates" WHERE "Key" = $key""", ("$key", userKey));
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    (json, etag) = (reader.GetString(0), reader.GetString(1));
                }
            }

            var data = StateJson.Read<UserData>(json);
            if (!update(data))
            {
                return false;
            }

            // Written only if nobody wrote since our read (same ETag, or still no row); otherwise read again and re-apply.
            var write = etag is null
                ? rental.Command("""
                    INSERT INTO "UserStates" ("Key", "Json", "ETag", "UpdatedAt") VALUES ($key, $json, $etag, $updated) ON CONFLICT ("Key") DO NOTHING
                    """, ("$key", userKey), ("$json", StateJson.Write(data)), ("$etag", StateJson.NewETag()), ("$updated", Instant.ConvertToProvider(_time.GetUtcNow())!))
                : rental.Command("""
                    UPDATE "UserStates" SET "Json" = $json, "ETag" = $etag, "UpdatedAt" = $updated WHERE "Key" = $key AND "ETag" = $read
                    """, ("$key", userKey), ("$json", StateJson.Write(data)), ("$etag", StateJson.NewETag()), ("$updated", Instant.ConvertToProvider(_time.GetUtcNow())!),
                    ("$read", etag));
            using (await _writes.EnterAsync(cancellationToken))
            {
                if (await write.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    return true;
                }
            }
        }

        throw new DialogStateConflictException(userKey);
    }
}
