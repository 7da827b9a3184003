using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Conversations;
using SupportBot.Bot.DirectLine;

namespace SupportBot.Bot.Tests.DirectLine;

public sealed class DirectLineEndpointsTests : IDisposable
{
    private const string Secret = "un-secret-direct-line-de-test-0123456789";
    private readonly List<string> _folders = [];

    [Fact]
    public async Task GenerateToken_SecretConfigured_RequiresTheSecret()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var missing = await client.PostAsync("/v3/directline/tokens/generate", null, TestContext.Current.CancellationToken);
        using var wrong = await Send(client, HttpMethod.Post, "/v3/directline/tokens/generate", "pas-le-secret");
        using var right = await Send(client, HttpMethod.Post, "/v3/directline/tokens/generate", Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("Forbidden", (await Json(wrong))["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var body = await Json(right);
        Assert.False(string.IsNullOrEmpty(body["conversationId"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
    }

    [Fact]
    public async Task StartConversation_Returns201WithAStreamUrlAndTheBotSpeaksFirst()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await PageTokenAsync(client);

        using var started = await Send(client, HttpMethod.Post, "/v3/directline/conversations", token.Token);
        var conversation = await Json(started);
        using var read = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token);
        var set = await Json(read);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(token.ConversationId, conversation["conversationId"]!.GetValue<string>());
        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{token.ConversationId}/stream?t=", conversation["streamUrl"]!.GetValue<string>());
        var greeting = Assert.Single(set["activities"]!.AsArray())!;
        Assert.Equal(("message", "Bonjour !", "bot"), (greeting["type"]!.GetValue<string>(), greeting["text"]!.GetValue<string>(), greeting["from"]!["role"]!.GetValue<string>()));
        Assert.Equal("1", set["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostActivity_EchoesTheUsersActivityAndRepliesCarryReplyToId()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await StartAsync(client);

        using var posted = await Send(client, HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token,
            new JsonObject
            {
                ["type"] = "message",
                ["text"] = "j'ai oublié mon identifiant",
                ["from"] = new JsonObject { ["id"] = "quelqu-un-d-autre", ["name"] = "Parent" },
                ["channelData"] = new JsonObject { ["clientActivityID"] = "abc123" },
            });
        var id = (await Json(posted))["id"]!.GetValue<string>();
        using var read = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities?watermark=1", token.Token);
        var activities = (await Json(read))["activities"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var echo = activities[0]!;
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("abc123", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal(token.UserId, echo["from"]!["id"]!.GetValue<string>());
        Assert.NotNull(echo["timestamp"]);
        var reply = activities.Last()!;
        Assert.Equal("Écho : j'ai oublié mon identifiant", reply["text"]!.GetValue<string>());
        Assert.Equal(id, reply["replyToId"]!.GetValue<string>());
        Assert.NotNull(reply["timestamp"]);
        Assert.Equal("directline", reply["channelId"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetActivities_NothingNew_Returns200WithAnEmptyListAndTheSameWatermark()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await StartAsync(client);

        using var read = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities?watermark=1", token.Token);
        var set = await Json(read);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Empty(set["activities"]!.AsArray());
        Assert.Equal("1", set["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenOfConversationA_CannotReadOrPostToB()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var a = await StartAsync(client);
        var b = await StartAsync(client);

        using var read = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token);
        using var post = await Send(client, HttpMethod.Post, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token,
            new JsonObject { ["type"] = "message", ["text"] = "intrusion" });

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var own = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}/activities", b.Token);
        Assert.DoesNotContain("intrusion", await own.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_Gets403TokenExpired_AndARefreshedOneWorks()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await StartAsync(client);
        factory.Time.Advance(TimeSpan.FromMinutes(20));
        using var refreshed = await Send(client, HttpMethod.Post, "/v3/directline/tokens/refresh", token.Token);
        var fresh = (await Json(refreshed))["token"]!.GetValue<string>();

        factory.Time.Advance(TimeSpan.FromMinutes(11));
        using var expired = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token);
        using var stillValid = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities", fresh);

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("TokenExpired", (await Json(expired))["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
    }

    [Fact]
    public async Task UnknownConversation_Gets404()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var response = await Send(client, HttpMethod.Get, "/v3/directline/conversations/0123456789abcdef/activities", Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (await Json(response))["error"]!["code"]!.GetValue<string>());
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadActivities => new()
    {
        { "application/json", "{\"type\":\"message\",\"text\":", HttpStatusCode.BadRequest, "BadSyntax" },
        { "text/plain", "{\"type\":\"message\",\"text\":\"bonjour\"}", HttpStatusCode.UnsupportedMediaType, "BadArgument" },
        { "application/json", "{\"text\":\"bonjour\"}", HttpStatusCode.BadRequest, "MissingProperty" },
        { "application/json", "[1,2,3]", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":42}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"" + new string('a', 2001) + "\"}", HttpStatusCode.BadRequest, "MessageSizeTooBig" },
        { "application/json", "{\"type\":\"message\",\"text\":\"a\",\"value\":\"" + new string('a', 70_000) + "\"}", HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig" },

        // Issue 15: each of these was stored, then failed the bot's turn (500), and some every later read of the conversation.
        { "application/json", "{\"type\":\"message\",\"text\":\"bonjour\",\"locale\":5}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"bonjour\",\"from\":{\"id\":\"u\",\"name\":5}}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"bonjour\",\"attachments\":{}}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"bonjour\",\"attachments\":[{\"name\":\"a.png\"}]}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"bonjour\",\"attachments\":[null]}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"bonjour\",\"suggestedActions\":5}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"oui\",\"suggestedActions\":{\"actions\":[{\"type\":\"imBack\"}]}}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"conversationUpdate\",\"membersAdded\":[{\"name\":\"sans id\"}]}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"bonjour\",\"localTimestamp\":\"hier\"}", HttpStatusCode.BadRequest, "BadArgument" },
        { "application/json", "{\"type\":\"message\",\"text\":\"a\",\"text\":\"b\"}", HttpStatusCode.BadRequest, "BadSyntax" },
        { "application/json", "{\"type\":\"message\",\"text\":\"\\ud800\"}", HttpStatusCode.BadRequest, "BadSyntax" },
        { "application/json", "{\"type\":\"message\",\"\\udc00\":1,\"text\":\"x\"}", HttpStatusCode.BadRequest, "BadSyntax" },
        { "application/json", "{\"type\":\"message\",\"text\":\"x\",\"value\":" + new string('[', 62) + new string(']', 62) + "}", HttpStatusCode.BadRequest, "BadSyntax" },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task PostActivity_BadInput_Gets4xxAndWritesNothing(string contentType, string body, HttpStatusCode status, string code)
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await StartAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await Json(response))["error"]!["code"]!.GetValue<string>());
        using var read = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token);
        Assert.Single((await Json(read))["activities"]!.AsArray());
    }

    [Fact]
    public async Task PostActivity_InvalidUtf8_Gets400BadSyntaxAndWritesNothing()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await StartAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities")
        {
            Content = new ByteArrayContent([.. "{\"type\":\"message\",\"text\":\""u8, 0xed, 0xa0, 0x80, .. "\"}"u8]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadSyntax", (await Json(response))["error"]!["code"]!.GetValue<string>());
        using var read = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token);
        Assert.Single((await Json(read))["activities"]!.AsArray());
    }

    [Fact]
    public async Task PostActivity_WebChatsOwnActivity_IsAccepted()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await StartAsync(client);

        using var posted = await Send(client, HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token,
            JsonNode.Parse("""
                {"type":"message","text":"bonjour","textFormat":"plain","locale":"fr-FR","localTimestamp":"2026-11-23T10:00:00.000+01:00",
                 "localTimezone":"Europe/Paris","from":{"id":"dl_x","name":"","role":"user"},"timestamp":"2026-11-23T09:00:00.000Z",
                 "channelData":{"clientActivityID":"1700000000000abc","clientTimestamp":"2026-11-23T09:00:00.000Z","attachmentSizes":[]},
                 "entities":[{"requiresBotState":true,"supportsListening":true,"supportsTts":true,"type":"ClientCapabilities"}]}
                """));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Theory]
    [InlineData("/v3/directline/tokens/generate", "[1]")]
    [InlineData("/v3/directline/tokens/generate", "\"x\"")]
    [InlineData("/v3/directline/tokens/generate", "{\"user\":5}")]
    [InlineData("/v3/directline/tokens/generate", "{\"user\":[\"id\"]}")]
    [InlineData("/api/directline/token", "[1]")]
    [InlineData("/api/directline/token", "42")]
    public async Task TokenRequest_BodyNotAnObject_Gets400BadArgument(string path, string body)
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", (await Json(response))["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task StoredActivityTooDeepToServe_IsLeftOut_AndTheConversationStillReadsAndAnswers()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await StartAsync(client);
        var deep = JsonNode.Parse($$"""{"type":"message","text":"piège","value":{{new string('[', 62) + new string(']', 62)}}}""",
            documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 100 })!.AsObject();
        var deepJson = deep.ToJsonString(new System.Text.Json.JsonSerializerOptions { MaxDepth = 100 });
        await factory.Services.GetRequiredService<IDirectLineConversationStore>().AppendAsync(token.ConversationId, 1, (_, _) => deepJson, TestContext.Current.CancellationToken);

        using var read = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token);
        var set = await Json(read);
        using var posted = await Send(client, HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token,
            new JsonObject { ["type"] = "message", ["text"] = "toujours là ?" });
        using var after = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities?watermark=2", token.Token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(["Bonjour !"], set["activities"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()));
        Assert.Equal("2", set["watermark"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Écho : toujours là ?", (await Json(after))["activities"]!.AsArray().Select(a => a!["text"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Cors_AllowsTheConfiguredOriginAndTheWebChatHeadersOnly()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var allowed = await Preflight(client, "https://www.toutatice.fr");
        using var other = await Preflight(client, "https://pirate.example");

        Assert.Equal("https://www.toutatice.fr", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("x-ms-bot-agent", headers, StringComparison.Ordinal);
        Assert.Contains("x-requested-with", headers, StringComparison.Ordinal);
        Assert.Equal("600", allowed.Headers.GetValues("Access-Control-Max-Age").Single());
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task PageIdleLongerThanItsToken_ResumesItsConversationWithANewToken()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var first = await StartAsync(client);
        factory.Time.Advance(TimeSpan.FromHours(3));

        using var resumed = await Send(client, HttpMethod.Post, "/api/directline/token", first.Token);
        var body = await Json(resumed);
        using var reading = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{first.ConversationId}/activities",
            body["token"]!.GetValue<string>());

        Assert.True(body["resumed"]!.GetValue<bool>());
        Assert.Equal((first.ConversationId, first.UserId), (body["conversationId"]!.GetValue<string>(), body["userId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
    }

    [Theory]
    [InlineData(25, "valid")]
    [InlineData(0, "forged")]
    [InlineData(0, "other key")]
    public async Task TooOldForgedOrForeignToken_GetsANewConversation(int hours, string token)
    {
        await using var factory = Factory();
        await using var other = Factory(new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = new string('k', 40) });
        using var client = factory.CreateClient();
        var first = await StartAsync(client);
        var presented = token switch
        {
            "valid" => first.Token,
            "forged" => first.Token[..^4] + "AAAA",
            _ => (await PageTokenAsync(other.CreateClient())).Token,
        };
        factory.Time.Advance(TimeSpan.FromHours(hours));

        using var response = await Send(client, HttpMethod.Post, "/api/directline/token", presented);
        var body = await Json(response);

        Assert.False(body["resumed"]!.GetValue<bool>());
        Assert.NotEqual(first.ConversationId, body["conversationId"]!.GetValue<string>());
        Assert.NotEqual(first.UserId, body["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task PageToken_IsRateLimitedPerClient()
    {
        await using var factory = Factory(new Dictionary<string, string?> { ["DirectLine:TokenRequestsPerMinute"] = "3" });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/api/directline/token", null, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Conversation_SurvivesARestartWithItsTokenAndHistory()
    {
        string folder;
        PageToken token;
        await using (var first = Factory())
        {
            folder = first.Folder;
            using var client = first.CreateClient();
            token = await StartAsync(client);
            using var _ = await Send(client, HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token,
                new JsonObject { ["type"] = "message", ["text"] = "avant" });
        }

        await using var second = Factory(folder: folder);
        using var again = second.CreateClient();
        using var reconnect = await Send(again, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}?watermark=0", token.Token);
        using var history = await Send(again, HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities?watermark=0", token.Token);

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Contains("watermark=0", (await Json(reconnect))["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        var texts = (await Json(history))["activities"]!.AsArray().Select(a => a!["text"]?.GetValue<string>()).ToList();
        Assert.Equal(["Bonjour !", "avant", null, "Écho : avant"], texts);
    }

    [Fact]
    public async Task Stream_PushesTheBacklogThenNewActivities()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = await PageTokenAsync(client);
        using var started = await Send(client, HttpMethod.Post, "/v3/directline/conversations", token.Token);
        var streamUrl = new Uri((await Json(started))["streamUrl"]!.GetValue<string>());
        var sockets = factory.Server.CreateWebSocketClient();
        using var socket = await sockets.ConnectAsync(streamUrl, TestContext.Current.CancellationToken);

        var backlog = await ReceiveAsync(socket);
        using var _ = await Send(client, HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token,
            new JsonObject { ["type"] = "message", ["text"] = "en direct" });
        var pushed = new List<JsonNode>();
        while (!pushed.Any(a => a["text"]?.GetValue<string>() == "Écho : en direct"))
        {
            pushed.AddRange((await ReceiveAsync(socket))["activities"]!.AsArray()!);
        }

        Assert.Equal("Bonjour !", backlog["activities"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("en direct", pushed[0]["text"]!.GetValue<string>());
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            BotFactory.DeleteFolder(folder);
        }
    }

    private BotFactory Factory(IDictionary<string, string?>? settings = null, string? folder = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:AllowedOrigins:0"] = "https://www.toutatice.fr",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new BotFactory(folder, all, services => services.AddSingleton<IConversationBot, EchoConversationBot>());
        _folders.Add(factory.Folder);
        return factory;
    }

    private sealed record PageToken(string ConversationId, string Token, string UserId);

    private static async Task<PageToken> PageTokenAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/directline/token", null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await Json(response);
        return new PageToken(body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>(), body["userId"]!.GetValue<string>());
    }

    private static async Task<PageToken> StartAsync(HttpClient client)
    {
        var token = await PageTokenAsync(client);
        using var started = await Send(client, HttpMethod.Post, "/v3/directline/conversations", token.Token);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return token;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string bearer, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    private static async Task<JsonNode> ReceiveAsync(WebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }
}
