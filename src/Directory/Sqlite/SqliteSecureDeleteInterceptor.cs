using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SupportBot.AccountDirectory.Sqlite;

/// <summary>
/// <c>PRAGMA secure_delete=ON</c> on every connection of the directory: what the retention purge deletes or masks (a
/// parent's messages, a closed case) is overwritten with zeros in the file, not left in free pages where anyone copying
/// the file could read it. The pragma holds per connection only. https://www.sqlite.org/pragma.html#pragma_secure_delete
/// </summary>
public sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA secure_delete=ON";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
