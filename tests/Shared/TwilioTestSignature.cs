using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Testing;

/// <summary>
/// Signs a request as Twilio does (X-Twilio-Signature: base64 HMAC-SHA1 of the URL then every parameter, sorted by name,
/// name then value), for tests that play Twilio. Twilio's .NET library only validates; this signer is checked against
/// twilio-node's own (TwilioSignatureTests), so what the tests post is what Twilio would.
/// </summary>
public static class TwilioTestSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
