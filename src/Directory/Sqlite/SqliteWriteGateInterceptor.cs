using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SupportBot.AccountDirectory.Sqlite;

/// <summary>
/// Makes EF Core's writes on SQLite take <see cref="SqliteWriteGate"/>: a transaction waits for the gate before it
/// begins and gives it back when it commits, rolls back or fails, or at the latest when the context's connection closes (a
/// transaction disposed without commit is rolled back by SQLite without an interceptor event). The SQLite context saves
/// every change inside a transaction (<c>AutoTransactionBehavior.Always</c>); a statement run outside one
/// (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL) holds the gate while it runs. Queries run without it.
/// </summary>
internal sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate) : DbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    private readonly ConcurrentDictionary<DbContext, SqliteWriteGate.Turn> _held = new();

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Hold(eventData.Context, await gate.EnterAsync(cancellationToken));
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Hold(eventData.Context, gate.Enter());
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null)
        {
            Hold(eventData.Context, await gate.EnterAsync(cancellationToken));
        }

        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null)
        {
            Hold(eventData.Context, gate.Enter());
        }

        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseStatement(command, eventData.Context);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseStatement(command, eventData.Context);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command, eventData.Context);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ReleaseStatement(command, eventData.Context);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command, eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Hold(DbContext? context, SqliteWriteGate.Turn turn)
    {
        if (context is null || !_held.TryAdd(context, turn))
        {
            // EF Core does not nest transactions in one context; if it ever did, the outer turn already covers this one. A
            // transaction begun without a context is not EF's to track.
            turn.Dispose();
        }
    }

    /// <summary>A statement outside a transaction gives the gate back when it ends; inside one, the transaction keeps it.</summary>
    private void ReleaseStatement(DbCommand command, DbContext? context)
    {
        if (command.Transaction is null)
        {
            Release(context);
        }
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _held.TryRemove(context, out var turn))
        {
            turn.Dispose();
        }
    }
}
