using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace SupportBot.Migration.Writing;

/// <summary>
/// SQLite's bulk path: one statement prepared on the connection's native handle, values bound by position, stepped
/// and reset for each row. Microsoft.Data.Sqlite's commands bind every parameter by name and build a data reader for
/// each execution, which was half of the writing time for a few million rows.
/// </summary>
internal sealed class SqliteBulkInsert : BulkInsert
{
    private static readonly DateTimeOffsetToBinaryConverter Dates = new();

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly int _offset;
    private byte[] _utf8 = new byte[512];
    private int _last;

    public SqliteBulkInsert(SqliteConnection connection, string table, string[] columns, bool keyed)
        : base(table, keyed)
    {
        _connection = connection;
        _offset = keyed ? 2 : 1;
        var sql = $"INSERT INTO [{table}] ({string.Join(", ", columns.Select(c => $"[{c}]"))}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    public override void Enlist(DbTransaction transaction)
    {
        if (!Keyed)
        {
            return;
        }

        using var max = _connection.CreateCommand();
        max.Transaction = (SqliteTransaction)transaction;
        max.CommandText = $"SELECT COALESCE(MAX([Id]), 0) FROM [{Table}]";
        _last = Convert.ToInt32(max.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public override BulkInsert Text(int column, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, column + _offset));
            return this;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[max];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, column + _offset, _utf8.AsSpan(0, length)));
        return this;
    }

    public override BulkInsert Integer(int column, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, column + _offset, value));
        return this;
    }

    // The SQLite context stores DateTimeOffset as a long and DateOnly as text (see SqliteDirectoryDbContext).
    public override BulkInsert Date(int column, DateTimeOffset value) => Integer(column, (long)Dates.ConvertToProvider(value)!);

    public override BulkInsert Date(int column, DateOnly value) => Text(column, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public override int Insert()
    {
        if (Keyed)
        {
            Check(raw.sqlite3_bind_int64(_statement, 1, ++_last));
        }

        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            throw new SqliteException($"INSERT INTO {Table} : {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", result);
        }

        return Keyed ? _last : 0;
    }

    public override void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"{Table} : {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", result);
        }
    }
}
