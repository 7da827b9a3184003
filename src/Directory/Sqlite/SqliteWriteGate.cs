using System.Collections.Concurrent;

namespace SupportBot.AccountDirectory.Sqlite;

/// <summary>
/// One writer at a time per SQLite file in this process, waited for asynchronously. SQLite allows one writer per file;
/// when a second connection finds the file locked, Microsoft.Data.Sqlite retries with <c>Thread.Sleep(150)</c>, which on
/// a small machine blocks the thread pool and stalls every request behind it (turns of seconds at 20 concurrent Direct
/// Line conversations). Queuing here instead keeps threads free; other processes on the same file are still handled by
/// SQLite's locking.
/// </summary>
public sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly string _file;

    private SqliteWriteGate(string file) => _file = file;

    /// <summary>How long a writer waits for the others before giving up (a longer wait means a writer never finished).</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The gate of a SQLite file: every context and connection of this process on that file shares it.</summary>
    public static SqliteWriteGate For(string dataSource) => Gates.GetOrAdd(Path.GetFullPath(dataSource), file => new SqliteWriteGate(file));

    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _semaphore.WaitAsync(Patience, cancellationToken))
        {
            throw Busy();
        }

        return new Turn(this);
    }

    public Turn Enter()
    {
        if (!_semaphore.Wait(Patience))
        {
            throw Busy();
        }

        return new Turn(this);
    }

    private TimeoutException Busy() =>
        new($"The SQLite file « {_file} » stayed locked by another writer of this process for {Patience.TotalSeconds:0} s.");

    /// <summary>The right to write, until disposed.</summary>
    public sealed class Turn(SqliteWriteGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._semaphore.Release();
            }
        }
    }
}
