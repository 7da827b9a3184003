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

    public string InsertReturningId(string table, params string[] columns)
    {
        var names = string.Join(", ", columns.Select(c => $"[{c}]"));
        var values = string.Join(", ", columns.Select(c => "@" + c));
        return provider == DirectoryProvider.SqlServer
            ? $"INSERT INTO [{table}] ({names}) OUTPUT INSERTED.[Id] VALUES ({values})"
            : $"INSERT INTO [{table}] ({names}) VALUES ({values}) RETURNING [Id]";
    }

    public static string Insert(string table, params string[] columns) =>
        $"INSERT INTO [{table}] ({string.Join(", ", columns.Select(c => $"[{c}]"))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";

    public object Date(DateTimeOffset value) => provider == DirectoryProvider.Sqlite ? SqliteDates.ConvertToProvider(value)! : value;

    public object Date(DateOnly value) => provider == DirectoryProvider.Sqlite ? value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : value;
}
