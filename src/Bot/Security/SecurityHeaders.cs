namespace SupportBot.Bot.Security;

/// <summary>
/// The headers every response carries, pages, files and API alike: a Content-Security-Policy that runs only this
/// service's own script files (nothing inline, no eval) and lets no page frame ours, <c>nosniff</c>, and no Referer
/// (links with a token in their address must not leak it). Web Chat on the académie's own page is not framed: it runs
/// there from our script files, which that page's policy governs, not ours.
/// </summary>
internal static class SecurityHeaders
{
    // SHA-256 of the empty string, in CSP's hash-source form.
    private const string EmptyTextHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    // Built once: it is sent with every response.
    private static readonly string DefaultPolicy = Policy("style-src 'self'", "img-src 'self' data:");

    /// <summary>The policy of every response but the help page's: nothing inline at all.</summary>
    public static string Policy() => DefaultPolicy;

    /// <summary>
    /// The help page's policy, for Web Chat, which writes its styles at run time into &lt;style&gt; elements stamped with
    /// the nonce it is given (<c>wwwroot/js/assistant.js</c>). One of them, react-scroll-to-bottom's inside Web Chat 4.18,
    /// never gets the nonce: it is created empty and filled through the CSSOM, so the hash of the empty text lets it
    /// apply (an empty element styles nothing by itself; filling it takes a script, and scripts are only ours). Web Chat
    /// also draws some images from blob: URLs, which only a script of the page can make.
    /// </summary>
    public static string WebChatPolicy(string nonce) =>
        Policy($"style-src 'self' 'nonce-{nonce}' '{EmptyTextHash}'", "img-src 'self' data: blob:");

    private static string Policy(string styles, string images) =>
        $"default-src 'self'; script-src 'self'; {styles}; {images}; font-src 'self'; connect-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A fresh nonce for one response (128 random bits).</summary>
    public static string NewNonce() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Adds the headers to every response; an endpoint that set its own policy (with a nonce) keeps it.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Referrer-Policy"))
            {
                headers["Referrer-Policy"] = "no-referrer";
            }

            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = Policy();
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
