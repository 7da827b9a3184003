using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio's request signature (X-Twilio-Signature): base64 HMAC-SHA1, keyed with the account's auth token, of the full
/// URL Twilio called followed by every POST parameter sorted by name, each name then value.
/// https://www.twilio.com/docs/usage/webhooks/webhooks-security — checked against twilio-node's own implementation.
/// </summary>
internal static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);

        // Names compare by UTF-16 code unit, as JavaScript's default sort does; a repeated name contributes its
        // distinct values in sorted order (twilio-node's toFormUrlEncodedParam).
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// True when <paramref name="signature"/> signs the request, with the URL as configured or with its default port
    /// added or removed (Twilio signs the URL as it called it; proxies differ on the port).
    /// </summary>
    public static bool IsValid(string authToken, string url, IReadOnlyCollection<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var presented = Encoding.ASCII.GetBytes(signature);
        foreach (var candidate in UrlVariants(url))
        {
            var expected = Encoding.ASCII.GetBytes(Compute(authToken, candidate, parameters));
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hasPort = authority.LastIndexOf(':') > authority.LastIndexOf(']');
        var withoutPort = hasPort ? authority[..authority.LastIndexOf(':')] : authority;
        var defaultPort = uri.Scheme == Uri.UriSchemeHttps ? 443 : 80;
        yield return url[..authorityStart] + (hasPort ? withoutPort : $"{withoutPort}:{defaultPort}") + url[authorityEnd..];
    }
}
