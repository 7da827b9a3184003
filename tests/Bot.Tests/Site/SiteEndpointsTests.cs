using System.Net;
using System.Text.RegularExpressions;

namespace SupportBot.Bot.Tests.Site;

/// <summary>The help page and the legal pages: one layout (the DSFR's header and footer with the mandatory links), each its own title.</summary>
public sealed partial class SiteEndpointsTests : IDisposable
{
    private readonly BotFactory _factory = new();

    [Theory]
    [InlineData("/", "Besoin d'aide pour vous connecter ?")]
    [InlineData("/accessibilite", "Déclaration d'accessibilité")]
    [InlineData("/mentions-legales", "Mentions légales")]
    [InlineData("/donnees-personnelles", "Données personnelles")]
    public async Task Page_IsInTheLayout_WithItsHeadingAsTitle(string path, string heading)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{heading} – Assistant Toutatice – Académie de Rennes", WebUtility.HtmlDecode(TitlePattern().Match(html).Groups[1].Value));
        Assert.Contains("<html lang=\"fr\" data-fr-scheme=\"system\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/lib/dsfr/dsfr.min.css\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"fr-link\" href=\"#contenu\">Aller au contenu</a>", html, StringComparison.Ordinal);
        Assert.Contains("<main role=\"main\" id=\"contenu\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/accessibilite\">Accessibilité : non conforme</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/mentions-legales\">Mentions légales</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/donnees-personnelles\">Données personnelles</a>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
    }

    [Fact]
    public async Task HelpPage_LoadsWebChatThenTheAssistant()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("<div id=\"webchat\"></div>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"webchat-erreur\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("/lib/webchat/webchat.js", StringComparison.Ordinal) < html.IndexOf("/js/assistant.js", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _factory.Dispose();
        BotFactory.DeleteFolder(_factory.Folder);
    }

    [GeneratedRegex("<title>(.*?)</title>")]
    private static partial Regex TitlePattern();
}
