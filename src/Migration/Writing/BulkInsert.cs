using System.Data.Common;
using Microsoft.Data.Sqlite;
using SupportBot.Migration.Schema;
using SupportBot.AccountDirectory;

namespace SupportBot.Migration.Writing;

/// <summary>
/// One prepared INSERT, reused for every row of the run (on SQLite, rows are kept and written by several at a time). Keyed tables get their new row's Id back: on SQLite the Ids
/// are numbered here from MAX(Id) read inside each transaction (SQLite transactions begin IMMEDIATE, Microsoft.Data.Sqlite's
/// default, so no other writer can take a number meanwhile); on SQL Server through OUTPUT INSERTED.Id.
/// Column indexes are those of the column list given at creation.
/// </summary>
internal abstract class BulkInsert(string table, bool keyed) : IDisposable
{
    protected string Table { get; } = table;

    protected bool Keyed { get; } = keyed;

    /// <summary>
    /// An insert into <paramref name="table"/> of the columns of these entity <paramref name="properties"/> (column
    /// indexes are their places here); <paramref name="keyed"/>: the table's generated Id is returned for each row.
    /// </summary>
    public static BulkInsert Create(DbConnection connection, DirectoryProvider provider, StoreTable table, string[] properties, bool keyed = false)
    {
        var columns = table.Columns(properties);
        var id = keyed ? table.Id ?? throw new InvalidOperationException($"{table.Name} has no generated key.") : null;
        return connection is SqliteConnection sqlite
            ? new SqliteBulkInsert(sqlite, table.Name, id, id is null ? columns : [id, .. columns])
            : new CommandBulkInsert(connection, new SqlDialect(provider), table.Name, id, columns);
    }

    /// <summary>Called at the start of each transaction, before any row.</summary>
    public abstract void Enlist(DbTransaction transaction);

    public abstract BulkInsert Text(int column, string? value);

    public abstract BulkInsert Integer(int column, long value);

    public BulkInsert Integer(int column, long? value) => value is { } v ? Integer(column, v) : Text(column, null);

    public BulkInsert Boolean(int column, bool value) => Integer(column, value ? 1 : 0);

    public abstract BulkInsert Date(int column, DateTimeOffset value);

    public abstract BulkInsert Date(int column, DateOnly value);

    /// <summary>Inserts the row bound, or keeps it for <see cref="Flush"/>; returns its Id for a keyed table (0 otherwise).</summary>
    public abstract int Insert();

    /// <summary>Writes the rows kept; called before the transaction commits, parent tables before their children.</summary>
    public virtual void Flush()
    {
    }

    public abstract void Dispose();
}
