using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SupportBot.Migration.Tests.Support;

/// <summary>
/// Kills the real program with SIGKILL (like kill -9) from outside once exactly a given number of its batches are
/// committed, as its run journal (SiecleMigrationRuns.BatchesCommitted) shows them to any reader of the SQLite file.
/// A batch is only a few milliseconds, shorter than a loaded machine's scheduling delays, so watching alone would kill
/// a batch or two late: the harness also puts a trigger on the journal that makes the next batch's journal line
/// endless (a query over the accounts that never ends), like a disk that hangs before that batch commits. The
/// program is killed while stuck there, and the trigger removed, leaving exactly the batches asked for.
/// </summary>
internal static class KillAfterBatches
{
    private const string Trigger = "test_kill_after_batches";

    public static async Task KillAsync(Process process, string databasePath, int batches, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60,
        }.ToString();
        try
        {
            // The program creates the journal's table when it opens the directory, long before it writes its first batch.
            while (!TryExecute(connectionString, $"""
                CREATE TRIGGER [{Trigger}] BEFORE UPDATE OF [BatchesCommitted] ON [SiecleMigrationRuns]
                WHEN NEW.[BatchesCommitted] > {batches}
                BEGIN SELECT COUNT(*) FROM [Accounts] a, [Accounts] b, [Accounts] c, [Accounts] d, [Accounts] e; END
                """))
            {
                Assert.False(process.HasExited, "the program ended before it opened the directory");
                await Task.Delay(5, cancellationToken);
            }

            int? committed;
            while ((committed = Committed(connectionString)) is null || committed < batches)
            {
                Assert.False(process.HasExited, $"the program ended with {committed} batches committed, before the {batches} awaited");
                await Task.Delay(5, cancellationToken);
            }

            Assert.Equal(batches, committed);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(cancellationToken);
            TryExecute(connectionString, $"DROP TRIGGER IF EXISTS [{Trigger}]");
        }
    }

    /// <summary>The batches the unfinished run has committed; null while there is no such run.</summary>
    private static int? Committed(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT [BatchesCommitted] FROM [SiecleMigrationRuns] WHERE [FinishedAt] IS NULL ORDER BY [Id] DESC LIMIT 1";
        return command.ExecuteScalar() is long value ? (int)value : null;
    }

    /// <summary>False while the file or the journal's table does not exist yet.</summary>
    private static bool TryExecute(string connectionString, string sql)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 1 or 14)
        {
            // SQLITE_ERROR (no such table) or SQLITE_CANTOPEN (no file yet).
            return false;
        }
    }
}
