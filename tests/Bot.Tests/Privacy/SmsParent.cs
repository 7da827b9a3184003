using System.Net;
using System.Xml.Linq;
using SupportBot.Bot.Sms;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>A parent texting from <paramref name="from"/>: Twilio's signed webhook, the TwiML answer read back.</summary>
internal sealed class SmsParent(HttpClient client, string from, string authToken, string publicBase)
{
    private static int _sid;

    public async Task<string> SayAsync(string body)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Body"] = body,
            ["From"] = from,
            ["MessageSid"] = $"SM{Interlocked.Increment(ref _sid):D32}",
            ["To"] = "+33757000000",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsEndpoints.Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioTestSignature.Compute(authToken, publicBase + TwilioSmsEndpoints.Path, form));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return string.Join("\n", xml.Root!.Elements("Message").Select(m => m.Value));
    }
}
