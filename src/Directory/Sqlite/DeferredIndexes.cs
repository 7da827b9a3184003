using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SupportBot.AccountDirectory.Sqlite;

/// <summary>
/// Secondary indexes set aside during a bulk load into SQLite and built again at its end: building an index once over
/// millions of sorted rows costs a fraction of maintaining it row by row in random order. Each DROP commits in the same
/// transaction as the line recording the index's name and exact CREATE statement in <see cref="Table"/> (SQLite DDL is
/// transactional), so a process killed at any moment leaves either the index or its record, never neither; every later
/// start (the migration's and the service's, before EF's migrations) rebuilds what is recorded, with the same names and
/// SQL, so the schema EF expects is back before anything else runs.
/// </summary>
public static partial class DeferredIndexes
{
    internal const string Table = "__DeferredIndexes";

    /// <summary>
    /// Drops the secondary indexes of <paramref name="tables"/> (those with a CREATE statement: primary keys and UNIQUE
    /// constraints of the table definition stay), recording them; returns their names. Runs in its own transaction.
    /// </summary>
    public static List<string> Drop(SqliteConnection connection, IReadOnlyCollection<string> tables)
    {
        var dropped = new List<string>();
        if (tables.Count == 0)
        {
            return dropped;
        }

        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS \"{Table}\" (\"Name\" TEXT NOT NULL PRIMARY KEY, \"TableName\" TEXT NOT NULL, \"Sql\" TEXT NOT NULL)");
        var indexes = new List<(string Name, string TableName, string Sql)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select((_, i) => "$t" + i.ToString(CultureInfo.InvariantCulture)))}) ORDER BY name";
            foreach (var (table, i) in tables.Select((t, i) => (t, i)))
            {
                select.Parameters.AddWithValue("$t" + i.ToString(CultureInfo.InvariantCulture), table);
            }

            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = $"INSERT OR REPLACE INTO \"{Table}\" (\"Name\", \"TableName\", \"Sql\") VALUES ($name, $table, $sql)";
        foreach (var (name, tableName, sql) in indexes)
        {
            record.Parameters.Clear();
            record.Parameters.AddWithValue("$name", name);
            record.Parameters.AddWithValue("$table", tableName);
            record.Parameters.AddWithValue("$sql", sql);
            record.ExecuteNonQuery();
            Execute(connection, transaction, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            dropped.Add(name);
        }

        transaction.Commit();
        return dropped;
    }

    /// <summary>
    /// Recreates every recorded index and removes the record, in one transaction; returns how many were built. A no-op
    /// (one lookup in sqlite_master) when nothing is recorded. A unique index that cannot be built because rows collide
    /// throws <see cref="DeferredIndexException"/> naming the index and a few colliding values; nothing is changed then.
    /// </summary>
    public static int Restore(SqliteConnection connection)
    {
        if (!Pending(connection, null))
        {
            return 0;
        }

        // CREATE INDEX sorts its keys in chunks the size of the page cache, each sorted (and later merged) by a helper thread
        // when threads > 0: with a small cache the table scan and the sorting overlap on two cores. Measured with the
        // sqlite3 shell on the 10 indexes of a million-account migration: 6.4-7.0 s without helper and with the writer's
        // 128 MB cache, 4.0-4.1 s with 2 threads and 2-4 MB (16 MB: 5.4-6.2 s).
        var threads = Scalar(connection, "PRAGMA threads");
        var cache = Scalar(connection, "PRAGMA cache_size");
        Execute(connection, null, "PRAGMA threads=2; PRAGMA cache_size=-4096");
        try
        {
            return Rebuild(connection);
        }
        finally
        {
            Execute(connection, null, $"PRAGMA threads={threads}; PRAGMA cache_size={cache}");
        }
    }

    private static int Rebuild(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        if (!Pending(connection, transaction))
        {
            return 0;
        }

        var recorded = new List<(string Name, string TableName, string Sql)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT \"Name\", \"TableName\", \"Sql\" FROM \"{Table}\" WHERE NOT EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = \"{Table}\".\"Name\") ORDER BY \"Name\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                recorded.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (name, tableName, sql) in recorded)
        {
            try
            {
                Execute(connection, transaction, sql);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                string collisions;
                try
                {
                    collisions = Collisions(connection, transaction, tableName, sql);
                }
                catch (SqliteException)
                {
                    collisions = "";
                }

                throw new DeferredIndexException(name, tableName, collisions, e);
            }
        }

        Execute(connection, transaction, $"DROP TABLE \"{Table}\"");
        transaction.Commit();
        return recorded.Count;
    }

    /// <summary>Whether indexes are recorded as set aside (a run was interrupted, or is running).</summary>
    internal static bool Pending(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// The Ids of a few groups of colliding rows, e.g. "Id 12, 57 ; Id 80, 81" (Ids rather than values: this message also
    /// reaches the service's log, which holds no personal data). NULLs never collide in a SQLite unique index.
    /// </summary>
    private static string Collisions(SqliteConnection connection, SqliteTransaction transaction, string tableName, string sql)
    {
        if (IndexColumns().Match(sql) is not { Success: true } match)
        {
            return "";
        }

        var columns = match.Groups[1].Value;
        var notNull = string.Join(" AND ", columns.Split(',').Select(c => c.Trim() + " IS NOT NULL"));
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT group_concat(rowid, ', ') FROM \"{tableName.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WHERE {notNull} GROUP BY {columns} HAVING COUNT(*) > 1 LIMIT 5";
        var found = new StringBuilder();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            found.Append(found.Length == 0 ? "Id " : " ; Id ").Append(reader.GetString(0));
        }

        return found.ToString();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"\bON\s+""[^""]+""\s*\((.+)\)\s*(WHERE\b.*)?$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex IndexColumns();
}
