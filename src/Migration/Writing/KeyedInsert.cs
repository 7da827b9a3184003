using System.Data.Common;
using System.Globalization;
using SupportBot.AccountDirectory;

namespace SupportBot.Migration.Writing;

/// <summary>
/// An insert that gives back the new row's Id. On SQL Server, OUTPUT INSERTED.Id. On SQLite, the keys are numbered
/// here from MAX(Id) read inside the transaction: SQLite transactions begin IMMEDIATE (Microsoft.Data.Sqlite's
/// default), so no other writer can take a number meanwhile, and a plain insert is much cheaper than one that
/// returns a result set.
/// </summary>
internal sealed class KeyedInsert : IDisposable
{
    private readonly DbCommand _command;
    private readonly bool _numbered;
    private int _last;

    private KeyedInsert(DbCommand command, bool numbered, int last)
    {
        _command = command;
        _numbered = numbered;
        _last = last;
    }

    public static async Task<KeyedInsert> CreateAsync(DbConnection connection, DbTransaction transaction, DirectoryProvider provider, string table,
        string[] columns, CancellationToken cancellationToken)
    {
        if (provider == DirectoryProvider.SqlServer)
        {
            return new KeyedInsert(DirectoryWriter.Command(connection, transaction, new SqlDialect(provider).InsertReturningId(table, columns)), false, 0);
        }

        await using var max = DirectoryWriter.Command(connection, transaction, $"SELECT COALESCE(MAX([Id]), 0) FROM [{table}]");
        var last = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new KeyedInsert(DirectoryWriter.Command(connection, transaction, SqlDialect.Insert(table, ["Id", .. columns])), true, last);
    }

    public int Insert(params object?[] values)
    {
        if (!_numbered)
        {
            DirectoryWriter.Set(_command, values);
            return Convert.ToInt32(_command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        DirectoryWriter.Set(_command, [++_last, .. values]);
        _command.ExecuteNonQuery();
        return _last;
    }

    public void Dispose() => _command.Dispose();
}
