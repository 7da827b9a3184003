using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Demo;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Sqlite;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Sqlite;

/// <summary>Writers of one process on one SQLite file take turns on the gate instead of sleeping in SQLite's busy loop.</summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task SaveChanges_WaitsForTheWriterHoldingTheGate_ThenWrites()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var gate = SqliteWriteGate.For(directory.DatabasePath);
        await using var scope = directory.Scope();
        var db = directory.Get<DirectoryDbContext>(scope);
        db.Schools.Add(new School { Uai = "0350002B", Name = "École du Parc" });

        Task<int> saving;
        bool waited;
        using (await gate.EnterAsync(TestContext.Current.CancellationToken))
        {
            saving = db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await Task.Delay(200, TestContext.Current.CancellationToken);
            waited = !saving.IsCompleted;
        }

        Assert.True(waited);
        Assert.Equal(1, await saving);
        Assert.True(await GateIsFreeAsync(gate));
    }

    [Fact]
    public async Task ExecuteUpdateOutsideATransaction_WaitsForTheGate_QueriesDoNot()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        var gate = SqliteWriteGate.For(directory.DatabasePath);
        await using var scope = directory.Scope();
        var db = directory.Get<DirectoryDbContext>(scope);

        Task<int> updating;
        bool waited;
        int schools;
        using (await gate.EnterAsync(TestContext.Current.CancellationToken))
        {
            updating = db.Schools.Where(s => s.Uai == DemoData.SchoolUai).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "École Jean Moulin"),
                TestContext.Current.CancellationToken);
            await using var reader = directory.Scope();
            schools = await directory.Get<DirectoryDbContext>(reader).Schools.CountAsync(TestContext.Current.CancellationToken);
            waited = !updating.IsCompleted;
        }

        Assert.True(waited);
        Assert.Equal(1, schools);
        Assert.Equal(1, await updating);
        Assert.True(await GateIsFreeAsync(gate));
    }

    [Fact]
    public async Task TransactionDisposedWithoutCommit_GivesTheGateBack()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var gate = SqliteWriteGate.For(directory.DatabasePath);
        await using (var scope = directory.Scope())
        {
            var db = directory.Get<DirectoryDbContext>(scope);
            await using (await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
            {
                await db.Schools.Where(s => s.Uai == "0000000X").ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            }
        }

        Assert.True(await GateIsFreeAsync(gate));
    }

    private static async Task<bool> GateIsFreeAsync(SqliteWriteGate gate)
    {
        var entering = gate.EnterAsync(TestContext.Current.CancellationToken).AsTask();
        var free = await Task.WhenAny(entering, Task.Delay(2000, TestContext.Current.CancellationToken)) == entering;
        if (free)
        {
            (await entering).Dispose();
        }

        return free;
    }
}
