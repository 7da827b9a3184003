using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.Bot.Cases;

namespace SupportBot.Bot.Tests.Security;

/// <summary>
/// Every page and endpoint the service answers a GET on (read from its routing table, so a new page is covered the day
/// it is added), plus files and an unknown path, over real HTTP: the headers a browser needs to refuse injected
/// scripts, framing and sniffing, and no inline script in any page.
/// </summary>
public sealed partial class SecurityHeadersTests : IDisposable
{
    private readonly BotFactory _factory = new();

    [Fact]
    public async Task EveryGetResponse_CarriesThePolicy_AndNoPageHoldsAnInlineScript()
    {
        using var client = BotFactory.ClientFrom(_factory.StartOverHttp(), "127.0.0.1");
        var urls = await UrlsAsync();

        var problems = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            problems.AddRange(Check(url, response, body));
        }

        Assert.Contains("/", urls);
        Assert.Contains(urls, u => u.StartsWith("/directeur/dossier/", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task ResetPage_SendsNoReferrer_AndTheHelpPageANewStyleNonceEachTime()
    {
        using var client = BotFactory.ClientFrom(_factory.StartOverHttp(), "127.0.0.1");

        using var reset = await client.GetAsync("/motdepasse/reinitialiser?jeton=abc", TestContext.Current.CancellationToken);
        using var first = await client.GetAsync("/", TestContext.Current.CancellationToken);
        using var second = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var page = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("no-referrer", reset.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-store", reset.Headers.CacheControl!.ToString());
        var nonces = new[] { first, second }.Select(r => NoncePattern().Match(Policy(r)).Groups[1].Value).ToArray();
        Assert.All(nonces, n => Assert.True(n.Length >= 16));
        Assert.NotEqual(nonces[0], nonces[1]);
        Assert.Contains($"<script src=\"/js/assistant.js\" nonce=\"{nonces[1]}\"></script>", page, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        BotFactory.DeleteFolder(_factory.Folder);
    }

    private static IEnumerable<string> Check(string url, HttpResponseMessage response, string body)
    {
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            yield return $"{url}: {(int)response.StatusCode}";
        }

        var policy = Policy(response);
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        if (directives.GetValueOrDefault("script-src") != "script-src 'self'")
        {
            yield return $"{url}: script-src is « {directives.GetValueOrDefault("script-src")} », not only 'self'";
        }

        if (directives.GetValueOrDefault("frame-ancestors") != "frame-ancestors 'none'")
        {
            yield return $"{url}: frame-ancestors is « {directives.GetValueOrDefault("frame-ancestors")} »";
        }

        if (policy.Contains("'unsafe-inline'", StringComparison.Ordinal) || policy.Contains("'unsafe-eval'", StringComparison.Ordinal)
            || !directives.ContainsKey("object-src") || !directives.ContainsKey("base-uri"))
        {
            yield return $"{url}: weak policy « {policy} »";
        }

        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || sniff.Single() != "nosniff")
        {
            yield return $"{url}: no X-Content-Type-Options: nosniff";
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            foreach (Match inline in InlineScriptPattern().Matches(body))
            {
                yield return $"{url}: inline script « {inline.Value} »";
            }

            foreach (Match style in InlineStylePattern().Matches(body))
            {
                yield return $"{url}: inline style « {style.Value} »";
            }
        }
    }

    private static string Policy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "";

    /// <summary>Every GET route, its parameters filled; the workspace's and the reset page's with valid links too, so that their real pages are checked.</summary>
    private async Task<List<string>> UrlsAsync()
    {
        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + ParameterPattern().Replace(e.RoutePattern.RawText!.TrimStart('/'), "SB-AAAAAA"))
            .ToList();
        var links = _factory.Services.GetRequiredService<CaseLinks>();
        var school = Uri.EscapeDataString(links.Issue(WorkspaceAccess.School("0352207J")));
        var academie = Uri.EscapeDataString(links.Issue(WorkspaceAccess.Academie));
        string reset;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<AccountService>().FindByIdentifierAsync("v.durant1", TestContext.Current.CancellationToken);
            reset = Uri.EscapeDataString(await scope.ServiceProvider.GetRequiredService<PasswordResetService>().IssueAsync(account!, TestContext.Current.CancellationToken));
        }

        return
        [
            .. routes,
            $"/directeur?jeton={school}", $"/directeur/dossier/SB-AAAAAA?jeton={school}", $"/academie?jeton={academie}",
            $"/academie/dossier/SB-AAAAAA?jeton={academie}", $"/motdepasse/reinitialiser?jeton={reset}", "/motdepasse/reinitialiser?jeton=devine",
            "/js/assistant.js", "/css/site.css", "/lib/dsfr/dsfr.min.css", "/page-qui-n-existe-pas",
        ];
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptPattern();

    [GeneratedRegex(@"<style[\s>]|\sstyle=|\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStylePattern();

    [GeneratedRegex(@"'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex NoncePattern();
}
