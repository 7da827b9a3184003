using System.Collections.Concurrent;
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
internal sealed class SqliteDialogStateStore : IDialogStateStore, IAsyncDisposable, IDisposable
{
    private const int MaxIdleSessions = 16;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(15);
    private static readonly ValueConverter<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter();

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly IOptions<StateOptions> _options;
    private readonly ConcurrentBag<Session> _idle = [];
    private readonly SqliteWriteGate _writes;

    public SqliteDialogStateStore(IOptions<DirectoryOptions> directory, TimeProvider time, IOptions<StateOptions> options)
    {
        // Its own pool (the connection string differs by DefaultTimeout), so the relaxed fsync set below never applies
        // to the directory's accounts and tokens.
        var connection = new SqliteConnectionStringBuilder(directory.Value.EffectiveConnectionString) { DefaultTimeout = 31 };
        _connectionString = connection.ConnectionString;
        _writes = SqliteWriteGate.For(connection.DataSource);
        _time = time;
        _options = options;
    }

    public async Task<ConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        await using var rental = await RentAsync(cancellationToken);
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
    private async Task<ConversationLease?> TryTakeAsync(Rental rental, string conversationKey, string owner, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var take = Command(rental, """
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
        var create = Command(rental, """
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
        await using var rental = await RentAsync(cancellationToken);
        var save = Command(rental, """
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
        await using var rental = await RentAsync(CancellationToken.None);
        var release = Command(rental, """
            UPDATE "ConversationStates" SET "LeaseOwner" = NULL, "LeaseUntilMs" = 0 WHERE "Key" = $key AND "LeaseOwner" = $owner
            """, ("$key", lease.Key), ("$owner", lease.Owner));
        using var write = await _writes.EnterAsync(CancellationToken.None);
        await release.ExecuteNonQueryAsync();
    }

    public async Task<bool> UpdateUserAsync(string userKey, Func<UserData, bool> update, CancellationToken cancellationToken)
    {
        await using var rental = await RentAsync(cancellationToken);
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            string? json = null, etag = null;
            var read = Command(rental, """SELECT "Json", "ETag" FROM "UserStates" WHERE "Key" = $key""", ("$key", userKey));
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
                ? Command(rental, """
                    INSERT INTO "UserStates" ("Key", "Json", "ETag", "UpdatedAt") VALUES ($key, $json, $etag, $updated) ON CONFLICT ("Key") DO NOTHING
                    """, ("$key", userKey), ("$json", StateJson.Write(data)), ("$etag", StateJson.NewETag()), ("$updated", Instant.ConvertToProvider(_time.GetUtcNow())!))
                : Command(rental, """
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

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var session))
        {
            await session.CloseAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>An open connection with its prepared statements, taken from the store's own small pool.</summary>
    private async Task<Rental> RentAsync(CancellationToken cancellationToken)
    {
        if (!_idle.TryTake(out var session))
        {
            var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);

            // WAL mode (set by the directory's initializer) with synchronous=NORMAL: no fsync per commit, still
            // consistent after a crash; a power cut may lose the last turns, which then resume one step earlier.
            // https://www.sqlite.org/pragma.html#pragma_synchronous
            // secure_delete as on the directory's own connections: a state rewritten leaves no copy of the old one.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL; " + SqliteSecureDeleteInterceptor.Pragma;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            session = new Session(connection);
        }

        return new Rental(this, session);
    }

    private async ValueTask ReturnAsync(Session session)
    {
        if (_idle.Count < MaxIdleSessions)
        {
            _idle.Add(session);
        }
        else
        {
            await session.CloseAsync();
        }
    }

    private static SqliteCommand Command(Rental rental, string sql, params (string Name, object Value)[] parameters)
    {
        var command = rental.Session.Prepared(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value;
        }

        return command;
    }

    private sealed class Session(SqliteConnection connection)
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        /// <summary>The statement prepared once per connection; parameters are declared from their $names in the SQL.</summary>
        public SqliteCommand Prepared(string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var name in ParameterNames(sql))
                {
                    command.Parameters.Add(new SqliteParameter(name, null));
                }

                _commands[sql] = command;
            }

            return command;
        }

        public async ValueTask CloseAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
        }

        private static IEnumerable<string> ParameterNames(string sql) =>
            System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z]+").Select(m => m.Value).Distinct();
    }

    /// <summary>A rented session, given back to the pool when disposed.</summary>
    private readonly struct Rental(SqliteDialogStateStore store, Session session) : IAsyncDisposable
    {
        public Session Session => session;

        public ValueTask DisposeAsync() => store.ReturnAsync(session);
    }
}
