using System.Net;

namespace SupportBot.Bot.Tests.Security;

/// <summary>
/// Which address the service counts a request against, over real HTTP: X-Forwarded-For is believed only from a
/// configured proxy, so that a client cannot pick a fresh address per request, and parents behind the académie's proxy
/// do not all share the proxy's budget. Observed through the per-address limit on page tokens.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private readonly List<string> _folders = [];

    [Fact]
    public async Task FromAPeerThatIsNoConfiguredProxy_XForwardedForIsIgnored()
    {
        await using var factory = Factory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.9" });
        using var client = BotFactory.ClientFrom(factory.StartOverHttp(), "127.0.0.1");

        var statuses = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            statuses.Add(await PageTokenAsync(client, claimed));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task FromAConfiguredProxy_EachParentIsCountedAtTheAddressTheProxySaw()
    {
        await using var factory = Factory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/30" });
        using var proxy = BotFactory.ClientFrom(factory.StartOverHttp(), "127.0.0.2");

        var parents = new List<HttpStatusCode>();
        foreach (var parent in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3", "2001:db8::7" })
        {
            parents.Add(await PageTokenAsync(proxy, parent));
        }

        var sameParent = new[]
        {
            await PageTokenAsync(proxy, "203.0.113.1"),

            // What the client wrote itself stays on the left of what the proxy appended: the proxy's entry counts.
            await PageTokenAsync(proxy, "198.51.100.50, 203.0.113.1"),
        };

        Assert.All(parents, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], sameParent);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "pas-une-adresse", "ForwardedHeaders:KnownProxies:0")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0", "ForwardedHeaders:KnownNetworks:0")]
    public void ABadProxySetting_StopsTheServiceWithTheKeysName(string key, string value, string expected)
    {
        using var factory = Factory(new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            BotFactory.DeleteFolder(folder);
        }
    }

    private static async Task<HttpStatusCode> PageTokenAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private BotFactory Factory(Dictionary<string, string?> settings)
    {
        settings["DirectLine:TokenRequestsPerMinute"] = "2";
        var factory = new BotFactory(settings: settings);
        _folders.Add(factory.Folder);
        return factory;
    }
}
