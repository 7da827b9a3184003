using Microsoft.Data.Sqlite;

namespace SupportBot.Migration.Tests.Support;

/// <summary>What sqlite_master holds (names and CREATE statements), read straight from the file, without the service's start-up.</summary>
internal static class SqliteSchema
{
    public static List<string> Read(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY name";
        using var reader = command.ExecuteReader();
        var schema = new List<string>();
        while (reader.Read())
        {
            schema.Add(reader.GetString(0));
        }

        return schema;
    }
}
