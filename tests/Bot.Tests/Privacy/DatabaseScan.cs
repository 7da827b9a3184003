using System.Text;
using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>
/// Where clear values sit in a SQLite directory: every text of every column of every table (read as SQLite stores it),
/// and the raw bytes of the database file and its write-ahead log (deleted rows linger in free pages and old WAL frames).
/// </summary>
internal static class DatabaseScan
{
    /// <summary>« table.column » for each value found, read through SQL.</summary>
    public static IReadOnlyList<(string Value, string Where)> Rows(string databasePath, IEnumerable<string> values)
    {
        var wanted = values.ToList();
        var found = new List<(string, string)>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var text = reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    foreach (var value in wanted.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add((value, $"{table}.{reader.GetName(i)}"));
                    }
                }
            }
        }

        return [.. found.Distinct()];
    }

    /// <summary>The values whose UTF-8 or UTF-16 bytes appear in the database file or beside it (-wal, -journal).</summary>
    public static IReadOnlyList<(string Value, string File)> Bytes(string databasePath, IEnumerable<string> values)
    {
        var found = new List<(string, string)>();
        foreach (var file in System.IO.Directory.GetFiles(Path.GetDirectoryName(databasePath)!, Path.GetFileName(databasePath) + "*"))
        {
            var content = File.ReadAllBytes(file);
            foreach (var value in values)
            {
                if (content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0 || content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) >= 0)
                {
                    found.Add((value, Path.GetFileName(file)));
                }
            }
        }

        return found;
    }
}
