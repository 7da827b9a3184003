using Microsoft.Data.Sqlite;

namespace SupportBot.EndToEnd.Tests;

/// <summary>Reads and writes a service's SQLite file from outside, as an operator with the sqlite3 shell would.</summary>
internal static class SqliteFile
{
    public static string? Query(string database, string sql)
    {
        using var command = Open(database, sql);
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(string database, string sql)
    {
        using var command = Open(database, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Open(string database, string sql)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Disposed += (_, _) => connection.Dispose();
        return command;
    }
}
