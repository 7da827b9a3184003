using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Bot.Site;

/// <summary>
/// The one layout of every page SupportBot serves (Site/Content/layout.html): the State's design system (DSFR), its
/// header, footer with the legal links, skip links and display settings. The DSFR comes from the pinned npm package,
/// copied into wwwroot/lib/dsfr by the build.
/// </summary>
internal static class SiteLayout
{
    // Split once, so that a placeholder's name typed by a parent and shown in a page is never replaced.
    private static readonly string[] Parts = Split(SiteContent.Read("layout.html"));

    /// <summary>
    /// The page around <paramref name="main"/>, both already HTML (encode what users typed); <paramref name="scripts"/>
    /// is added after the DSFR's own.
    /// </summary>
    public static string Render(string title, string main, string scripts = "") =>
        string.Concat(Parts[0], title, Parts[1], main, Parts[2], scripts, Parts[3]);

    public static ContentHttpResult Page(string title, string main, int status = StatusCodes.Status200OK, string scripts = "") =>
        TypedResults.Content(Render(title, main, scripts), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>
    /// For pages whose address holds a token (reset link, workspace): nothing cached, and never a Referer leaving with the
    /// token, whatever the service-wide policy becomes. Like every response, they cannot be framed and run only this
    /// service's script files (<see cref="Security.SecurityHeaders"/>).
    /// </summary>
    public static void KeepPrivate(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static string[] Split(string layout)
    {
        var parts = layout.Split(["{titre}", "{contenu}", "{scripts}"], StringSplitOptions.None);
        return parts.Length == 4
            ? parts
            : throw new InvalidOperationException("Site/Content/layout.html must hold {titre}, {contenu} and {scripts} once each, in that order.");
    }
}
