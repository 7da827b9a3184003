using System.Net;

namespace SupportBot.Bot.Tests.PasswordReset;

/// <summary>
/// The reset page takes a token from anyone who has the link: guesses (links opened, forms posted) are limited per
/// client address, over real HTTP, with a 429 that says when to come back, in words and in Retry-After.
/// </summary>
public sealed class ResetPageGuessesTests : IDisposable
{
    private readonly BotFactory _factory = new(settings: new Dictionary<string, string?>
    {
        ["PasswordReset:AttemptsPerClientAddress"] = "3",
        ["PasswordReset:AttemptWindowMinutes"] = "10",
    });

    [Fact]
    public async Task ManyGuessesFromOneAddress_AreRefusedWith429_AFrenchPage_AndRetryAfter()
    {
        var service = _factory.StartOverHttp();
        using var guesser = BotFactory.ClientFrom(service, "127.0.0.2");
        using var other = BotFactory.ClientFrom(service, "127.0.0.3");

        var statuses = new List<HttpStatusCode>
        {
            await GetAsync(guesser, "devine-1"),
            await PostAsync(guesser, "devine-2"),
            await GetAsync(guesser, "devine-3"),
        };
        using var refused = await guesser.GetAsync("/motdepasse/reinitialiser?jeton=devine-4", TestContext.Current.CancellationToken);
        using var refusedPost = await guesser.PostAsync("/motdepasse/reinitialiser", Form("devine-5"), TestContext.Current.CancellationToken);
        var page = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var otherAddress = await GetAsync(other, "devine-6");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedPost.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Contains("Par sécurité, le nombre d'essais sur cette page est limité. Merci de réessayer dans 10 min", WebUtility.HtmlDecode(page),
            StringComparison.Ordinal);
        Assert.Equal("no-referrer", refused.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpStatusCode.NotFound, otherAddress);
    }

    [Fact]
    public async Task AfterTheWindow_TheAddressMayTryAgain()
    {
        using var guesser = BotFactory.ClientFrom(_factory.StartOverHttp(), "127.0.0.4");
        for (var i = 0; i < 3; i++)
        {
            await GetAsync(guesser, "devine");
        }

        var refused = await GetAsync(guesser, "devine");
        _factory.Time.Advance(TimeSpan.FromMinutes(10));
        var later = await GetAsync(guesser, "devine");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.Equal(HttpStatusCode.NotFound, later);
    }

    public void Dispose()
    {
        _factory.Dispose();
        BotFactory.DeleteFolder(_factory.Folder);
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string token)
    {
        using var response = await client.GetAsync("/motdepasse/reinitialiser?jeton=" + token, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string token)
    {
        using var response = await client.PostAsync("/motdepasse/reinitialiser", Form(token), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string>
    {
        ["jeton"] = token,
        ["motdepasse"] = "Nouveau2027",
        ["confirmation"] = "Nouveau2027",
    });
}
