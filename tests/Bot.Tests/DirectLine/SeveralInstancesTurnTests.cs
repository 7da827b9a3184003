using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Conversations;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>
/// What one instance sees of the others through the shared database: a conversation whose turn another instance holds,
/// an instance that crashed holding it, a Redis backplane misconfigured or down. The two-process runs are in
/// tests/EndToEnd.Tests/DirectLine/SeveralInstancesTests.cs.
/// </summary>
public sealed class SeveralInstancesTurnTests : IAsyncDisposable
{
    private readonly List<BotFactory> _factories = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TurnHeldByAnotherInstance_MessageWaits_ThenThePoliteApologyFollowsIt_NothingLost()
    {
        var factory = EngineFactory(new() { ["DialogState:WaitSeconds"] = "1" });
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);
        await HoldAsync(factory, conversationId, "other-instance", factory.Time.GetUtcNow().AddSeconds(60));

        using var posted = await PostAsync(client, conversationId, token, "bonjour");
        var history = await ActivitiesAsync(client, conversationId, token);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var message = Assert.Single(history, a => a!["text"]?.GetValue<string>() == "bonjour")!;
        var reply = Assert.Single(history, a => a!["replyToId"]?.GetValue<string>() == message["id"]!.GetValue<string>() && a["type"]!.GetValue<string>() == "message")!;
        Assert.StartsWith("Toutes nos excuses : une erreur technique", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstanceThatCrashedHoldingATurn_ItsHoldLapses_TheNextMessageIsAnswered()
    {
        var factory = EngineFactory();
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);
        await HoldAsync(factory, conversationId, "crashed-instance", factory.Time.GetUtcNow().AddSeconds(20));

        var posting = PostAsync(client, conversationId, token, "bonjour");
        factory.Time.Advance(TimeSpan.FromSeconds(21));
        using var posted = await posting;
        var history = await ActivitiesAsync(client, conversationId, token);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var message = Assert.Single(history, a => a!["text"]?.GetValue<string>() == "bonjour")!;
        var replies = history.Where(a => a!["replyToId"]?.GetValue<string>() == message["id"]!.GetValue<string>() && a["type"]!.GetValue<string>() == "message").ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.DoesNotContain("erreur technique", r!["text"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void RedisConfigurationWithoutAServer_RefusesToStartNamingTheKey()
    {
        var factory = Factory(new() { ["DirectLine:Redis"] = "password=secret" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("DirectLine:Redis", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisDown_TheServiceStartsAndConversationsWork()
    {
        var factory = Factory(new() { ["DirectLine:Redis"] = $"127.0.0.1:{SmtpTestServer.FreePort()},connectTimeout=500" });
        using var client = factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        using var posted = await PostAsync(client, conversationId, token, "bonjour");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(await ActivitiesAsync(client, conversationId, token), a => a!["text"]?.GetValue<string>() == "Écho : bonjour");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
            BotFactory.DeleteFolder(factory.Folder);
        }
    }

    private BotFactory Factory(Dictionary<string, string?>? settings = null)
    {
        var factory = new BotFactory(settings: settings, services: services => services.AddSingleton<IConversationBot, EchoConversationBot>());
        _factories.Add(factory);
        return factory;
    }

    /// <summary>The service with its dialog engine, whose conversation state orders the turns.</summary>
    private BotFactory EngineFactory(Dictionary<string, string?>? settings = null)
    {
        var factory = new BotFactory(settings: settings);
        _factories.Add(factory);
        return factory;
    }

    /// <summary>What another instance's running turn leaves in the shared database: the conversation's state row held until then.</summary>
    private static async Task HoldAsync(BotFactory factory, string conversationId, string owner, DateTimeOffset until)
    {
        var key = $"directline/{factory.Services.GetRequiredService<CaseLinks>().RequesterKey("state", $"directline/{conversationId}")}";
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContextAsync(Cancel);
        var held = await db.ConversationStates.Where(c => c.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseOwner, owner).SetProperty(c => c.LeaseUntilMs, until.ToUnixTimeMilliseconds()), Cancel);
        Assert.Equal(1, held);
    }

    private static async Task<(string ConversationId, string Token)> StartAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/directline/token", null, Cancel);
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var (conversationId, token) = (page["conversationId"]!.GetValue<string>(), page["token"]!.GetValue<string>());
        using var started = await SendAsync(client, HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (conversationId, token);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string conversationId, string token, string text) =>
        SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
            new JsonObject { ["type"] = "message", ["text"] = text });

    private static async Task<JsonArray> ActivitiesAsync(HttpClient client, string conversationId, string token)
    {
        using var response = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["activities"]!.AsArray();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, Cancel);
    }
}
