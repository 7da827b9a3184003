using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupportBot.Bot.Conversations;
using SupportBot.Bot.Tests.DirectLine;

namespace SupportBot.Bot.Tests.AzureBotService;

/// <summary>
/// /api/messages against a local stand-in for Azure's authorities (OpenID metadata, keys, token endpoint) and
/// connector, all speaking the real protocols over HTTP.
/// </summary>
public sealed class AzureBotServiceEndpointsTests : IAsyncLifetime
{
    private const string AppId = "5c1f0d7e-0000-4000-8000-00000000b07a";
    private const string AppPassword = "mot-de-passe-application";
    private const string Issuer = "https://api.botframework.com";
    private readonly RSA _channelKey = RSA.Create(2048);
    private readonly ConcurrentQueue<(string Path, string? Authorization, JsonObject Body)> _replies = new();
    private readonly List<string> _folders = [];
    private WebApplication _azure = null!;
    private int _metadataReads;
    private string _azureUrl = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _azure = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_channelKey.ExportParameters(false)) { KeyId = "channel-key" });
        _azure.MapGet("/v1/.well-known/openidconfiguration", (HttpContext c) =>
        {
            Interlocked.Increment(ref _metadataReads);
            return Results.Json(new { issuer = Issuer, jwks_uri = $"{_azureUrl}/keys", id_token_signing_alg_values_supported = new[] { "RS256" } });
        });
        _azure.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } }));
        _azure.MapPost("/token", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            return form["client_id"] == AppId && form["client_secret"] == AppPassword && form["grant_type"] == "client_credentials"
                ? Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "jeton-du-bot" })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
        _azure.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpContext c) =>
        {
            var body = (await c.Request.ReadFromJsonAsync<JsonObject>())!;
            _replies.Enqueue((c.Request.Path, c.Request.Headers.Authorization.FirstOrDefault(), body));
            return Results.Json(new { id = "reply-1" });
        });
        await _azure.StartAsync();
        _azureUrl = _azure.Urls.First();
    }

    [Fact]
    public async Task ChannelSignedActivity_IsAnsweredThroughTheConnector()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, Token(), Activity("bonjour"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_replies, r => r.Body["type"]!.GetValue<string>() == "message");
        Assert.Equal("/v3/conversations/conv-1/activities/act-1", reply.Path);
        Assert.Equal("Bearer jeton-du-bot", reply.Authorization);
        Assert.Equal(("Écho : bonjour", "act-1"), (reply.Body["text"]!.GetValue<string>(), reply.Body["replyToId"]!.GetValue<string>()));
    }

    public static TheoryData<string> BadTokens => ["expired", "audience", "issuer", "key", "none"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadChannelToken_Gets401AndNoReply(string defect)
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var token = defect switch
        {
            "expired" => Token(expires: DateTime.UtcNow.AddMinutes(-6)),
            "audience" => Token(audience: "une-autre-application"),
            "issuer" => Token(issuer: "https://pirate.example"),
            "key" => Token(key: RSA.Create(2048)),
            _ => null,
        };

        using var response = await PostAsync(client, token, Activity("bonjour"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_replies);
    }

    [Fact]
    public async Task TokenWithinTheFiveMinuteSkew_IsAccepted()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, Token(expires: DateTime.UtcNow.AddMinutes(-4)), Activity("bonjour"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ServiceUrlOtherThanTheTokens_Gets403()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, Token(serviceUrl: "https://ailleurs.example/"), Activity("bonjour"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_replies);
    }

    [Theory]
    [InlineData("\"serviceUrl\":5,\"conversation\":{\"id\":\"conv-1\"}")]
    [InlineData("\"serviceUrl\":\"{serviceUrl}\",\"conversation\":[\"conv-1\"]")]
    [InlineData("\"serviceUrl\":\"{serviceUrl}\",\"conversation\":{\"id\":\"conv-1\"},\"locale\":5")]
    [InlineData("\"serviceUrl\":\"{serviceUrl}\",\"conversation\":{\"id\":\"conv-1\"},\"from\":{\"id\":\"u\",\"name\":[]}")]
    [InlineData("\"serviceUrl\":\"{serviceUrl}\",\"conversation\":{\"id\":\"conv-1\"},\"membersAdded\":[{}]")]
    [InlineData("\"serviceUrl\":\"{serviceUrl}\",\"conversation\":{\"id\":\"conv-1\"},\"text\":\"a\",\"text\":\"b\"")]
    [InlineData("\"serviceUrl\":\"{serviceUrl}\",\"conversation\":{\"id\":\"conv-1\"},\"text\":\"\\ud800\"")]
    [InlineData("\"serviceUrl\":\"{serviceUrl}\",\"conversation\":{\"id\":\"conv-1\"},\"value\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    [InlineData("\"serviceUrl\":\"pas une adresse\",\"conversation\":{\"id\":\"conv-1\"}")]
    public async Task MalformedActivity_Gets400AndNoReply(string members)
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var json = "{\"type\":\"message\",\"id\":\"act-1\",\"channelId\":\"msteams\"," + members.Replace("{serviceUrl}", _azureUrl + "/", StringComparison.Ordinal) + "}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token()) },
        };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_replies);
    }

    [Fact]
    public async Task WithoutAppId_TheEndpointIsOff()
    {
        await using var factory = Factory(appId: "");
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, Token(), Activity("bonjour"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DirectLineRequests_AreNotCheckedAgainstAzuresMetadata()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        // A Direct Line token is a Bearer too; only /api/messages may look at Azure's keys.
        using var issued = await client.PostAsync("/api/directline/token", null, TestContext.Current.CancellationToken);
        var token = (await issued.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>();
        using var started = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        }, TestContext.Current.CancellationToken);
        var readsBeforeAzure = Volatile.Read(ref _metadataReads);
        using var channel = await PostAsync(client, Token(), Activity("bonjour"));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(0, readsBeforeAzure);
        Assert.Equal(HttpStatusCode.OK, channel.StatusCode);
        Assert.True(Volatile.Read(ref _metadataReads) > 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _azure.DisposeAsync();
        _channelKey.Dispose();
        foreach (var folder in _folders)
        {
            BotFactory.DeleteFolder(folder);
        }
    }

    private BotFactory Factory(string appId = AppId)
    {
        var factory = new BotFactory(settings: new Dictionary<string, string?>
        {
            ["AzureBotService:MicrosoftAppId"] = appId,
            ["AzureBotService:MicrosoftAppPassword"] = AppPassword,
            ["AzureBotService:OpenIdMetadataUrl"] = $"{_azureUrl}/v1/.well-known/openidconfiguration",
            ["AzureBotService:TokenEndpoint"] = $"{_azureUrl}/token",
        }, services: s => s.AddSingleton<IConversationBot, EchoConversationBot>());
        _folders.Add(factory.Folder);
        return factory;
    }

    private JsonObject Activity(string text) => new()
    {
        ["type"] = "message",
        ["id"] = "act-1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = _azureUrl + "/",
        ["conversation"] = new JsonObject { ["id"] = "conv-1" },
        ["from"] = new JsonObject { ["id"] = "user-1" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1" },
        ["text"] = text,
    };

    private string Token(DateTime? expires = null, string audience = AppId, string issuer = Issuer, RSA? key = null, string? serviceUrl = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl ?? _azureUrl + "/")]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _channelKey) { KeyId = "channel-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
