using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Security;

namespace SupportBot.Bot.Site;

/// <summary>
/// The help page, with Web Chat, and the pages the law asks of a public site (loi 2005-102 art. 47, RGPD, LCEN): each
/// one a file of Site/Content/ inside the layout, its title taken from its heading.
/// </summary>
internal static partial class SiteEndpoints
{
    public const string Accessibility = "/accessibilite";
    public const string LegalNotice = "/mentions-legales";
    public const string PersonalData = "/donnees-personnelles";

    // The help page loads Web Chat, then the script that connects it (wwwroot/js/assistant.js), which hands Web Chat the
    // response's nonce (read from its own tag) for the styles Web Chat writes at run time.
    private const string NoncePlaceholder = "{nonce}";
    private const string WebChatScripts = """
          <script src="/lib/webchat/webchat.js"></script>
          <script src="/js/assistant.js" nonce="{nonce}"></script>
        """;

    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder app)
    {
        var help = Render("aide.html", WebChatScripts).Split(NoncePlaceholder);
        if (help.Length != 2)
        {
            throw new InvalidOperationException($"Site/Content/aide.html must not hold {NoncePlaceholder}: the help page's nonce goes there.");
        }

        app.MapGet("/", (HttpResponse response) =>
        {
            var nonce = SecurityHeaders.NewNonce();
            response.Headers.ContentSecurityPolicy = SecurityHeaders.WebChatPolicy(nonce);
            return TypedResults.Content(help[0] + nonce + help[1], "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        Map(app, Accessibility, "accessibilite.html");
        Map(app, LegalNotice, "mentions-legales.html");
        Map(app, PersonalData, "donnees-personnelles.html");
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, string file)
    {
        var html = Render(file, "");
        app.MapGet(path, () => TypedResults.Content(html, "text/html; charset=utf-8")).ExcludeFromDescription();
    }

    private static string Render(string file, string scripts)
    {
        var main = SiteContent.Read(file);
        var heading = HeadingPattern().Match(main);
        if (!heading.Success)
        {
            throw new InvalidOperationException($"Site/Content/{file} has no <h1>: the page's title is taken from it.");
        }

        // The heading is already HTML; the title gets its text, tags removed.
        var title = Html.Encode(WebUtility.HtmlDecode(TagPattern().Replace(heading.Groups[1].Value, "")).Trim());
        return SiteLayout.Render(title, main, scripts);
    }

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
