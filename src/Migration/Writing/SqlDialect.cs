using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SupportBot.AccountDirectory;

namespace SupportBot.Migration.Writing;

/// <summary>
/// The few differences between the providers for the bulk path: how an insert returns its key, and how dates are
/// stored (the SQLite context stores DateTimeOffset as a long and DateOnly as text, see SqliteDirectoryDbContext).
/// Both accept [bracketed] identifiers, so the rest of the SQL is shared.
/// </summary>
internal sealed class SqlDialect(DirectoryProvider provider)
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteDates = new();

    /// <summary>An insert whose parameters are named after the columns (@Column), returning the generated <paramref name="id"/>.</summary>
    public string InsertReturningId(string table, string id, params string[] columns)
    {
        var names = string.Join(", ", columns.Select(c => $"[{c}]"));
        var values = string.Join(", ", columns.Select(c => "@" + c));
        return provider == DirectoryProvider.SqlServer
            ? $"INSERT INTO [{table}] ({names}) OUTPUT INSERTED.[{id}] VALUES ({values})"
            : $"INSERT INTO [{table}] ({names}) VALUES ({values}) RETURNING [{id}]";
    }

    /// <summary>An insert whose parameters are named after the columns (@Column).</summary>
    public static string Insert(string table, params string[] columns) =>
        $"INSERT INTO [{table}] ({string.Join(", ", columns.Select(c => $"[{c}]"))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";

    /// <summary>A command with the named parameters given, in that order: <see cref="Set"/> binds values by the same order.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Values in the order of the parameters given to <see cref="Command"/>.</summary>
    public static void Set(DbCommand command, params object?[] values)
    {
        if (values.Length != command.Parameters.Count)
        {
            throw new ArgumentException($"{values.Length} values for {command.Parameters.Count} parameters.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public object Date(DateTimeOffset value) => provider == DirectoryProvider.Sqlite ? SqliteDates.ConvertToProvider(value)! : value;

    public object Date(DateOnly value) => provider == DirectoryProvider.Sqlite ? value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : value;
}
