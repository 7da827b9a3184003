using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SupportBot.AccountDirectory.Sqlite;

/// <summary>
/// Open connections to the directory's SQLite file, each with its statements prepared once, for the few hot paths that
/// run on every message (the dialog state, the Direct Line conversation log): a statement through EF Core costs several
/// times what the statement itself costs (bench <c>turns --state sqlite</c>, <c>bench/directline-load.sh</c>). Writers
/// still queue on the file's <see cref="SqliteWriteGate"/>.
/// </summary>
public sealed partial class SqliteSessions : IAsyncDisposable, IDisposable
{
    private const int MaxIdle = 16;

    private readonly string _connectionString;
    private readonly ConcurrentBag<Session> _idle = [];

    /// <param name="connectionString">The directory's connection string; a pool of its own (the timeout differs) so that the relaxed fsync set here never applies to EF Core's connections.</param>
    public SqliteSessions(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 31 };
        _connectionString = builder.ConnectionString;
        Writes = SqliteWriteGate.For(builder.DataSource);
    }

    /// <summary>This process's one writer at a time on the file.</summary>
    public SqliteWriteGate Writes { get; }

    /// <summary>An open connection with its prepared statements, given back when disposed.</summary>
    public async ValueTask<Rental> RentAsync(CancellationToken cancellationToken)
    {
        if (!_idle.TryTake(out var session))
        {
            var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);

            // WAL mode (set by the directory's initializer) with synchronous=NORMAL: no fsync per commit, still
            // consistent after a crash; a power cut may lose the last turns, which then resume one step earlier.
            // https://www.sqlite.org/pragma.html#pragma_synchronous
            // secure_delete as on the directory's own connections: a row rewritten leaves no copy of the old one.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL; " + SqliteSecureDeleteInterceptor.Pragma;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            session = new Session(connection);
        }

        return new Rental(this, session);
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var session))
        {
            await session.CloseAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async ValueTask ReturnAsync(Session session)
    {
        if (session.Broken || _idle.Count >= MaxIdle)
        {
            await session.CloseAsync();
        }
        else
        {
            _idle.Add(session);
        }
    }

    [GeneratedRegex(@"\$[a-z]+")]
    private static partial Regex ParameterName();

    internal sealed class Session(SqliteConnection connection)
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public SqliteConnection Connection => connection;

        /// <summary>Set when a statement failed half-way (a transaction may be left open): the connection is closed, not reused.</summary>
        public bool Broken { get; set; }

        /// <summary>The statement prepared once per connection; its parameters are declared from the $names in the SQL.</summary>
        public SqliteCommand Prepared(string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
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
    }

    /// <summary>A rented connection.</summary>
    public readonly struct Rental : IAsyncDisposable
    {
        private readonly SqliteSessions _owner;
        private readonly Session _session;

        internal Rental(SqliteSessions owner, Session session) => (_owner, _session) = (owner, session);

        public SqliteConnection Connection => _session.Connection;

        /// <summary>The prepared statement for <paramref name="sql"/> with its parameters set (by name, <c>$name</c>).</summary>
        public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
        {
            var command = _session.Prepared(sql);
            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }

            return command;
        }

        /// <summary>Do not reuse this connection: something failed in the middle of a transaction.</summary>
        public void Discard() => _session.Broken = true;

        public ValueTask DisposeAsync() => _owner.ReturnAsync(_session);
    }
}
