using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SupportBot.AccountDirectory;

/// <summary>Recognises a unique-index violation on either provider, so that callers can retry instead of failing.</summary>
public static class UniqueViolation
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY: https://www.sqlite.org/rescode.html#constraint_unique
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    public static bool Is(DbUpdateException exception, string? column = null)
    {
        var inner = exception.InnerException;
        var unique = inner switch
        {
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
            // 2601: duplicate key in a unique index; 2627: unique constraint.
            SqlException sql => sql.Number is 2601 or 2627,
            _ => false,
        };
        return unique && (column is null || inner!.Message.Contains(column, StringComparison.OrdinalIgnoreCase));
    }
}
