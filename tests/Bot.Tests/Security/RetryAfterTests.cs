using System.Net;
using System.Net.Http.Headers;

namespace SupportBot.Bot.Tests.Security;

/// <summary>Every 429 the service answers says when to come back (Retry-After, in seconds), over real HTTP.</summary>
public sealed class RetryAfterTests : IDisposable
{
    private const string Secret = "un-secret-direct-line-de-test-0123456789";
    private readonly List<string> _folders = [];

    [Theory]
    [InlineData("/api/directline/token")]
    [InlineData("/v3/directline/tokens/generate")]
    public async Task TokenEndpoints_PastTheirLimit_Answer429WithRetryAfter(string path)
    {
        await using var factory = Factory(new Dictionary<string, string?> { ["DirectLine:TokenRequestsPerMinute"] = "2" });
        using var client = BotFactory.ClientFrom(factory.StartOverHttp(), "127.0.0.2");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsync(path, null, TestContext.Current.CancellationToken);
            statuses.Add(allowed.StatusCode);
        }

        using var refused = await client.PostAsync(path, null, TestContext.Current.CancellationToken);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task AServerHoldingTheSecret_ExchangesItForItsParentsTokensWithoutLimit()
    {
        await using var factory = Factory(new Dictionary<string, string?>
        {
            ["DirectLine:TokenRequestsPerMinute"] = "1",
            ["DirectLine:Secret"] = Secret,
        });
        using var server = BotFactory.ClientFrom(factory.StartOverHttp(), "127.0.0.3");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
            using var response = await server.SendAsync(request, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task WorkspaceLinkRequests_PastTheirLimit_Answer429WithRetryAfter()
    {
        await using var factory = Factory(new Dictionary<string, string?>());
        using var client = BotFactory.ClientFrom(factory.StartOverHttp(), "127.0.0.4");

        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await client.PostAsync("/directeur/lien", new FormUrlEncodedContent(new Dictionary<string, string> { ["uai"] = "0352207J" }),
                TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.InRange(last.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        last.Dispose();
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            BotFactory.DeleteFolder(folder);
        }
    }

    private BotFactory Factory(Dictionary<string, string?> settings)
    {
        var factory = new BotFactory(settings: settings);
        _folders.Add(factory.Folder);
        return factory;
    }
}
