using System.Data.Common;
using System.Globalization;

namespace SupportBot.Migration.Writing;

/// <summary>The ADO.NET path (SQL Server): one prepared command, its parameters set by position for each row.</summary>
internal sealed class CommandBulkInsert : BulkInsert
{
    private readonly SqlDialect _dialect;
    private readonly DbCommand _command;

    /// <summary><paramref name="id"/>: the generated key's column, returned by each insert (null: the table is not keyed).</summary>
    public CommandBulkInsert(DbConnection connection, SqlDialect dialect, string table, string? id, string[] columns)
        : base(table, id is not null)
    {
        _dialect = dialect;
        _command = SqlDialect.Command(connection, null, id is not null ? dialect.InsertReturningId(table, id, columns) : SqlDialect.Insert(table, columns),
            columns);
    }

    public override void Enlist(DbTransaction transaction) => _command.Transaction = transaction;

    public override BulkInsert Text(int column, string? value) => Set(column, value);

    public override BulkInsert Integer(int column, long value) => Set(column, value);

    public override BulkInsert Date(int column, DateTimeOffset value) => Set(column, _dialect.Date(value));

    public override BulkInsert Date(int column, DateOnly value) => Set(column, _dialect.Date(value));

    public override int Insert()
    {
        if (Keyed)
        {
            return Convert.ToInt32(_command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        _command.ExecuteNonQuery();
        return 0;
    }

    public override void Dispose() => _command.Dispose();

    private CommandBulkInsert Set(int column, object? value)
    {
        _command.Parameters[column].Value = value ?? DBNull.Value;
        return this;
    }
}
