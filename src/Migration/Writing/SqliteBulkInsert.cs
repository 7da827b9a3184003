using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace SupportBot.Migration.Writing;

/// <summary>
/// SQLite's bulk path: rows are kept until <see cref="Flush"/> (their Ids are numbered here, so callers can reference them
/// at once), then written by statements of <see cref="RowsPerStatement"/> rows prepared on the connection's native handle,
/// values bound by position. Microsoft.Data.Sqlite's commands bind every parameter by name and build a data reader for
/// each execution; and each statement run has a fixed cost in SQLite (opening cursors, and for AUTOINCREMENT tables
/// reading and rewriting sqlite_sequence), which multi-row statements share among their rows.
/// </summary>
internal sealed class SqliteBulkInsert : BulkInsert
{
    /// <summary>At 300k accounts without secondary indexes the write went from 5.4–6.0 s (one row per statement) to 4.4–5.0 s.</summary>
    public const int RowsPerStatement = 32;

    private static readonly DateTimeOffsetToBinaryConverter Dates = new();

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _single;
    private readonly sqlite3_stmt _multi;
    private readonly int _columns;
    private readonly int _offset;
    private Value[] _rows;
    private int _count;
    private byte[] _text = new byte[64 * 1024];
    private int _textLength;
    private int _last;
    private readonly string? _id;

    /// <summary><paramref name="id"/>: the generated key's column, first of <paramref name="columns"/> (null: the table is not keyed).</summary>
    public SqliteBulkInsert(SqliteConnection connection, string table, string? id, string[] columns)
        : base(table, id is not null)
    {
        _connection = connection;
        _id = id;
        var keyed = id is not null;
        _columns = columns.Length;
        _offset = keyed ? 1 : 0;
        _rows = new Value[_columns * 1024];
        Check(raw.sqlite3_prepare_v2(connection.Handle, Sql(table, columns, 1), out _single));
        Check(raw.sqlite3_prepare_v2(connection.Handle, Sql(table, columns, RowsPerStatement), out _multi));
    }

    public override void Enlist(DbTransaction transaction)
    {
        _count = 0;
        _textLength = 0;
        if (!Keyed)
        {
            return;
        }

        using var max = _connection.CreateCommand();
        max.Transaction = (SqliteTransaction)transaction;
        max.CommandText = $"SELECT COALESCE(MAX([{_id}]), 0) FROM [{Table}]";
        _last = Convert.ToInt32(max.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public override BulkInsert Text(int column, string? value)
    {
        if (value is null)
        {
            Slot(column + _offset) = default;
            return this;
        }

        // Encoded now into one buffer for the batch: the kept rows then hold no references (no GC write barriers, nothing
        // for the collector to trace) and binding reads bytes.
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_textLength + max > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + max));
        }

        var length = Encoding.UTF8.GetBytes(value, _text.AsSpan(_textLength));
        Slot(column + _offset) = new Value(_textLength, length, Kind.Text);
        _textLength += length;
        return this;
    }

    public override BulkInsert Integer(int column, long value)
    {
        Slot(column + _offset) = new Value(value, 0, Kind.Integer);
        return this;
    }

    // The SQLite context stores DateTimeOffset as a long and DateOnly as text (see SqliteDirectoryDbContext).
    public override BulkInsert Date(int column, DateTimeOffset value) => Integer(column, (long)Dates.ConvertToProvider(value)!);

    public override BulkInsert Date(int column, DateOnly value) => Text(column, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public override int Insert()
    {
        if (Keyed)
        {
            Slot(0) = new Value(++_last, 0, Kind.Integer);
        }

        _count++;
        return Keyed ? _last : 0;
    }

    public override void Flush()
    {
        var row = 0;
        for (; row + RowsPerStatement <= _count; row += RowsPerStatement)
        {
            Step(_multi, row, RowsPerStatement);
        }

        for (; row < _count; row++)
        {
            Step(_single, row, 1);
        }

        _count = 0;
        _textLength = 0;
    }

    public override void Dispose()
    {
        _single.Dispose();
        _multi.Dispose();
    }

    private static string Sql(string table, string[] columns, int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(_ => "(" + string.Join(", ", Enumerable.Repeat("?", columns.Length)) + ")"));
        return $"INSERT INTO [{table}] ({string.Join(", ", columns.Select(c => $"[{c}]"))}) VALUES {values}";
    }

    /// <summary>A value of the row being built, by its place in the statement's columns (the Id first in a keyed table).</summary>
    private ref Value Slot(int column)
    {
        var index = (_count * _columns) + column;
        if (index >= _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        return ref _rows[index];
    }

    private void Step(sqlite3_stmt statement, int first, int rows)
    {
        var values = _rows.AsSpan(first * _columns, rows * _columns);
        for (var i = 0; i < values.Length; i++)
        {
            ref var value = ref values[i];
            switch (value.Kind)
            {
                case Kind.Integer:
                    Check(raw.sqlite3_bind_int64(statement, i + 1, value.Integer));
                    break;
                case Kind.Text:
                    Check(raw.sqlite3_bind_text(statement, i + 1, _text.AsSpan((int)value.Integer, value.Length)));
                    break;
                default:
                    Check(raw.sqlite3_bind_null(statement, i + 1));
                    break;
            }
        }

        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            throw new SqliteException($"INSERT INTO {Table} : {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", result);
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"{Table} : {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", result);
        }
    }

    private enum Kind : byte
    {
        Null,
        Integer,
        Text,
    }

    /// <summary>An integer, or a text's place in the batch's UTF-8 buffer (offset in Integer, byte count in Length).</summary>
    private readonly record struct Value(long Integer, int Length, Kind Kind);
}
