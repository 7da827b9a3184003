using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Dialogs.State;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Tests.Dialogs.State;

/// <summary>
/// Both database stores on a real SQLite file: the plain-SQL one the service uses with SQLite, and the EF Core one it
/// uses with SQL Server. Two service providers on one file are two service instances.
/// </summary>
public sealed class DialogStateStoreTests
{
    public static TheoryData<string> Stores => ["sql", "ef"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SecondTurnOfAConversation_WaitsForTheFirstAndSeesItsState(string kind)
    {
        await using var pair = await InstancesAsync();
        var (first, second) = (Store(pair.A, kind), Store(pair.B, kind));

        var lease = await first.AcquireAsync("webchat/c1", TestContext.Current.CancellationToken);
        var waiting = second.AcquireAsync("webchat/c1", TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var waitedWhileHeld = !waiting.IsCompleted;
        lease.Data.Misunderstandings = 7;
        await first.SaveAsync(lease, lease.Data, TestContext.Current.CancellationToken);
        var next = await waiting;

        Assert.True(waitedWhileHeld);
        Assert.Equal(7, next.Data.Misunderstandings);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteAfterTheLeaseLapsedAndAnotherTurnWrote_IsRefused(string kind)
    {
        await using var pair = await InstancesAsync();
        var (first, second) = (Store(pair.A, kind), Store(pair.B, kind));

        var stale = await first.AcquireAsync("sms/+33600000001", TestContext.Current.CancellationToken);
        pair.Time.Advance(TimeSpan.FromSeconds(31));
        var fresh = await second.AcquireAsync("sms/+33600000001", TestContext.Current.CancellationToken);
        await second.SaveAsync(fresh, new ConversationData { Misunderstandings = 1 }, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DialogStateConflictException>(() => first.SaveAsync(stale, new ConversationData(), TestContext.Current.CancellationToken));
        var kept = await first.AcquireAsync("sms/+33600000001", TestContext.Current.CancellationToken);
        Assert.Equal(1, kept.Data.Misunderstandings);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ConcurrentUpdatesOfOneSenderFromTwoInstances_AreAllKept(string kind)
    {
        await using var pair = await InstancesAsync();
        var stores = new[] { Store(pair.A, kind), Store(pair.B, kind) };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => stores[i % 2].UpdateUserAsync("webchat/u1", user =>
        {
            user.UnknownReferences.Add(i);
            return true;
        }, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));
        var count = 0;
        await stores[0].UpdateUserAsync("webchat/u1", user =>
        {
            count = user.UnknownReferences.Distinct().Count();
            return false;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(40, count);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AfterEachStep_NoWriteLockIsLeftOnTheDatabase(string kind)
    {
        await using var pair = await InstancesAsync();
        var store = Store(pair.A, kind);
        var connectionString = pair.A.GetRequiredService<IOptions<DirectoryOptions>>().Value.EffectiveConnectionString;

        // A lock left behind (a statement stepped but not reset) makes every other writer of the file wait.
        var created = await store.AcquireAsync("webchat/new", TestContext.Current.CancellationToken);
        await AssertCanWriteAsync(connectionString, "a new conversation's lease");
        await store.SaveAsync(created, new ConversationData { Misunderstandings = 1 }, TestContext.Current.CancellationToken);
        await AssertCanWriteAsync(connectionString, "the save");
        var taken = await store.AcquireAsync("webchat/new", TestContext.Current.CancellationToken);
        await AssertCanWriteAsync(connectionString, "an existing conversation's lease");
        await store.ReleaseAsync(taken);
        await store.UpdateUserAsync("webchat/u1", user =>
        {
            user.UnknownReferences.Add(1);
            return true;
        }, TestContext.Current.CancellationToken);
        await AssertCanWriteAsync(connectionString, "a user update");
    }

    private static async Task AssertCanWriteAsync(string connectionString, string after)
    {
        await using var other = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using var begin = other.CreateCommand();
        begin.CommandText = "PRAGMA busy_timeout=0; BEGIN IMMEDIATE; ROLLBACK;";
        begin.CommandTimeout = 1;
        var error = await Record.ExceptionAsync(() => begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.True(error is null, $"After {after}, another connection could not take the write lock: {error?.Message}");
    }

    private static IDialogStateStore Store(ServiceProvider services, string kind) => kind == "sql"
        ? ActivatorUtilities.CreateInstance<SqliteDialogStateStore>(services)
        : ActivatorUtilities.CreateInstance<DatabaseDialogStateStore>(services);

    private static async Task<Instances> InstancesAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var a = await BotTestHost.StartAsync(seedDemo: false, time: time);
        var b = await BotTestHost.StartAsync(folder: a.Folder, seedDemo: false, time: time);
        Assert.Equal(DirectoryProvider.Sqlite, a.Services.GetRequiredService<IOptions<DirectoryOptions>>().Value.Provider);
        return new Instances(a, b, time);
    }

    private sealed record Instances(BotTestHost HostA, BotTestHost HostB, FakeTimeProvider Time) : IAsyncDisposable
    {
        public ServiceProvider A => HostA.Services;

        public ServiceProvider B => HostB.Services;

        public async ValueTask DisposeAsync()
        {
            await HostB.DisposeAsync();
            await HostA.DisposeAsync();
        }
    }
}
