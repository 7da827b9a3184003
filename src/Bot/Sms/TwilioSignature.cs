using Microsoft.Extensions.Primitives;
using Twilio.Security;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio's request signature (X-Twilio-Signature), checked by Twilio's own <see cref="RequestValidator"/>, which also
/// accepts the URL with its default port added or removed (Twilio signs the URL as it called it; proxies differ on the
/// port). What stays ours is which URL that is: the public one Twilio was given, behind a proxy.
/// </summary>
internal static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, StringValues>> form, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        // A repeated name counts as its values joined by commas, as the library reads a NameValueCollection: Twilio's
        // webhooks repeat none, so such a request was not signed by Twilio whatever the join.
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        try
        {
            return new RequestValidator(authToken).Validate(url, parameters, signature);
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    /// <summary>Whether Twilio signed this request's form, and the URL it had to sign (for the log when it did not).</summary>
    public static bool IsSigned(HttpRequest request, IFormCollection form, TwilioOptions settings, out string url)
    {
        url = PublicUrl(request, settings.PublicBaseUrl);
        return IsValid(settings.AuthToken ?? "", url, form, request.Headers[Header].FirstOrDefault());
    }

    /// <summary>The URL Twilio signed: the configured public base (behind a proxy) with this request's path and query.</summary>
    public static string PublicUrl(HttpRequest request, string? publicBaseUrl)
    {
        var pathAndQuery = request.PathBase + request.Path + request.QueryString;
        return string.IsNullOrWhiteSpace(publicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{pathAndQuery}"
            : publicBaseUrl.TrimEnd('/') + pathAndQuery;
    }
}
