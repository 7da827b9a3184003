using System.Data.Common;
using System.Globalization;
using SupportBot.AccountDirectory;

namespace SupportBot.Migration.Writing;

/// <summary>
/// An insert that gives back the new row's Id. On SQL Server, OUTPUT INSERTED.Id, row by row. On SQLite, the keys are
/// numbered here from MAX(Id) read inside the transaction (SQLite transactions begin IMMEDIATE, Microsoft.Data.Sqlite's
/// default, so no other writer can take a number meanwhile), which lets the rows go buffered in multi-row INSERTs.
/// </summary>
internal sealed class KeyedInsert : IDisposable
{
    private readonly DbCommand? _returning;
    private readonly RowWriter? _rows;
    private int _last;

    private KeyedInsert(DbCommand? returning, RowWriter? rows, int last)
    {
        _returning = returning;
        _rows = rows;
        _last = last;
    }

    public static async Task<KeyedInsert> CreateAsync(DbConnection connection, DbTransaction transaction, DirectoryProvider provider, string table,
        string[] columns, CancellationToken cancellationToken)
    {
        if (provider == DirectoryProvider.SqlServer)
        {
            return new KeyedInsert(DirectoryWriter.Command(connection, transaction, new SqlDialect(provider).InsertReturningId(table, columns)), null, 0);
        }

        await using var max = DirectoryWriter.Command(connection, transaction, $"SELECT COALESCE(MAX([Id]), 0) FROM [{table}]");
        var last = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new KeyedInsert(null, new RowWriter(connection, transaction, table, ["Id", .. columns], buffered: true), last);
    }

    public int Insert(params object?[] values)
    {
        if (_returning is not null)
        {
            DirectoryWriter.Set(_returning, values);
            return Convert.ToInt32(_returning.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        _rows!.Add([++_last, .. values]);
        return _last;
    }

    public void Flush() => _rows?.Flush();

    public void Dispose()
    {
        _returning?.Dispose();
        _rows?.Dispose();
    }
}
