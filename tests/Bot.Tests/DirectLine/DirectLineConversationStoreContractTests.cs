using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Sqlite;
using SupportBot.Bot.DirectLine;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>
/// The Direct Line log's contract, held by both implementations on one real SQLite file: EF Core (what SQL Server runs in
/// production) and the plain prepared SQL the embedded SQLite file runs. Each test also reads what one wrote with the other.
/// </summary>
public sealed class DirectLineConversationStoreContractTests : IAsyncDisposable
{
    private readonly BotFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Stores => ["ef", "sqlite"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Appends_AreNumberedInOrder_AndReadFromAWatermark(string kind)
    {
        var (store, other) = Pair(kind);
        var conversation = await store.CreateAsync("dl_parent", Cancel);

        var first = await store.AppendAsync(conversation.Id, 2, (i, id) => Json(id, $"a{i}"), Cancel);
        var second = await other.AppendAsync(conversation.Id, 3, (i, id) => Json(id, $"b{i}"), Cancel);
        var all = await other.ReadAsync(conversation.Id, 0, Cancel);
        var after3 = await store.ReadAsync(conversation.Id, 3, Cancel);

        Assert.Equal((1, 3), (first, second));
        Assert.Equal(["a0", "a1", "b0", "b1", "b2"], all.Activities.Select(Text));
        Assert.Equal([.. Enumerable.Range(1, 5).Select(n => $"{conversation.Id}|{n:D7}")], all.Activities.Select(a => JsonNode.Parse(a)!["id"]!.GetValue<string>()));
        Assert.Equal(5, all.Watermark);
        Assert.Equal(["b1", "b2"], after3.Activities.Select(Text));
        Assert.Equal((5, "dl_parent"), ((await store.FindAsync(conversation.Id, Cancel))!.LastSequence, (await other.FindAsync(conversation.Id, Cancel))!.UserId));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task NothingNew_TheWatermarkStays_AnUnknownConversationIsNotFound(string kind)
    {
        var (store, _) = Pair(kind);
        var conversation = await store.CreateAsync("dl_parent", Cancel);
        await store.AppendAsync(conversation.Id, 1, (_, id) => Json(id, "a"), Cancel);

        var page = await store.ReadAsync(conversation.Id, 1, Cancel);

        Assert.Empty(page.Activities);
        Assert.Equal(1, page.Watermark);
        Assert.Null(await store.FindAsync("0123456789abcdef0123456789abcdef", Cancel));
        await Assert.ThrowsAsync<DirectLineConversationGoneException>(() => store.AppendAsync("0123456789abcdef0123456789abcdef", 1, (_, id) => Json(id, "x"), Cancel));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AStoredActivityThatCannotBeServed_IsLeftOut_TheWatermarkPassesIt(string kind)
    {
        var (store, _) = Pair(kind);
        var conversation = await store.CreateAsync("dl_parent", Cancel);
        var deep = $$"""{"type":"message","value":{{new string('[', 62) + new string(']', 62)}}}""";

        await store.AppendAsync(conversation.Id, 3, (i, id) => i == 1 ? deep : Json(id, $"a{i}"), Cancel);
        var page = await store.ReadAsync(conversation.Id, 0, Cancel);

        Assert.Equal(["a0", "a2"], page.Activities.Select(Text));
        Assert.Equal(3, page.Watermark);
    }

    [Fact]
    public async Task ConcurrentAppendsThroughBothStores_NeverShareOrSkipANumber()
    {
        var (ef, sqlite) = Pair("ef");
        var conversation = await ef.CreateAsync("dl_parent", Cancel);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(n => (n % 2 == 0 ? ef : sqlite)
            .AppendAsync(conversation.Id, 2, (i, id) => Json(id, $"{n}-{i}"), Cancel)));
        var page = await sqlite.ReadAsync(conversation.Id, 0, Cancel);

        Assert.Equal(80, page.Activities.Count);
        Assert.Equal(80, page.Watermark);

        // Each append's two activities are next to each other.
        var texts = page.Activities.Select(Text).ToList();
        Assert.All(Enumerable.Range(0, 40), k => Assert.Equal(texts[2 * k][..^1] + "1", texts[(2 * k) + 1]));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        BotFactory.DeleteFolder(_factory.Folder);
    }

    private (IDirectLineConversationStore Store, IDirectLineConversationStore Other) Pair(string kind)
    {
        var services = _factory.Services;
        var ef = new DirectLineConversationStore(services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>(), TimeProvider.System,
            NullLogger<DirectLineConversationStore>.Instance);
        var sqlite = new SqliteDirectLineConversationStore(services.GetRequiredService<SqliteSessions>(), TimeProvider.System,
            NullLogger<DirectLineConversationStore>.Instance);
        return kind == "ef" ? (ef, sqlite) : (sqlite, ef);
    }

    private static string Json(string id, string text) => new JsonObject { ["id"] = id, ["type"] = "message", ["text"] = text }.ToJsonString();

    private static string Text(string json) => JsonNode.Parse(json)!["text"]!.GetValue<string>();
}
