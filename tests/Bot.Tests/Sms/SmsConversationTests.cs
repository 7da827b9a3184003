using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MimeKit;
using SupportBot.Bot.Sms;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Sms;

/// <summary>A parent texting the bot: Twilio's webhook, the real dialog engine and NLU, the real reset page.</summary>
public sealed partial class SmsConversationTests : IDisposable
{
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string PublicBase = "https://supportbot.example.fr";
    private readonly BotFactory _factory;
    private int _sid;

    public SmsConversationTests()
    {
        _factory = new BotFactory(settings: new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBase,
            ["Dialogs:PublicBaseUrl"] = "http://localhost",
        });
    }

    [Fact]
    public async Task LostPassword_BySms_MailsALinkThatResetsThePassword()
    {
        using var client = _factory.CreateClient();

        var ask = await TextAsync(client, "jai oublie mon mdp");
        var identifier = await TextAsync(client, "1");
        var sent = await TextAsync(client, "v.durant1");

        Assert.Contains("Connaissez-vous votre identifiant", ask, StringComparison.Ordinal);
        Assert.Contains("1. Oui", ask, StringComparison.Ordinal);
        Assert.Contains("2. Non", ask, StringComparison.Ordinal);
        Assert.Contains("Quel est votre identifiant", identifier, StringComparison.Ordinal);
        Assert.Contains("un courriel avec un lien vient de partir", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("valery", sent, StringComparison.OrdinalIgnoreCase);
        Assert.All(new[] { ask, identifier, sent }, reply => Assert.Equal(SmsEncoding.Gsm7, SmsText.Measure(reply).Encoding));

        await _factory.DeliverMailAsync();
        var mail = MimeMessage.Load(Assert.Single(Directory.GetFiles(Path.Combine(_factory.Folder, "outbox"), "*.eml")));
        Assert.Equal("valery.durant@example.fr", mail.To.Mailboxes.Single().Address);
        var link = ResetLink().Match(mail.TextBody ?? "").Value;
        using var page = await client.GetAsync(new Uri(link).PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Regex.Match(link, "jeton=([^&\\s]+)").Groups[1].Value;
        using var reset = await client.PostAsync("/motdepasse/reinitialiser", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jeton"] = Uri.UnescapeDataString(token),
            ["motdepasse"] = "Bretagne2026",
            ["confirmation"] = "Bretagne2026",
        }), TestContext.Current.CancellationToken);
        Assert.Contains("Votre mot de passe est enregistré", WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIdentifier_BySms_GetsTheSameWordsAndNoMail()
    {
        using var client = _factory.CreateClient();

        await TextAsync(client, "mot de passe perdu");
        await TextAsync(client, "1");
        var sent = await TextAsync(client, "x.inconnu42");

        Assert.Contains("un courriel avec un lien vient de partir", sent, StringComparison.Ordinal);
        await _factory.DeliverMailAsync();
        Assert.False(Directory.Exists(Path.Combine(_factory.Folder, "outbox")) && Directory.EnumerateFiles(Path.Combine(_factory.Folder, "outbox"), "*.eml").Any());
    }

    public void Dispose()
    {
        _factory.Dispose();
        BotFactory.DeleteFolder(_factory.Folder);
    }

    private async Task<string> TextAsync(HttpClient client, string body)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Body"] = body,
            ["From"] = "+33699887766",
            ["MessageSid"] = $"SM{++_sid:D32}",
            ["To"] = "+33757000000",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/twilio") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioTestSignature.Compute(AuthToken, PublicBase + "/api/sms/twilio", form));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return string.Join("\n", xml.Root!.Elements("Message").Select(m => m.Value));
    }

    [GeneratedRegex(@"http://localhost/motdepasse/reinitialiser\?jeton=\S+")]
    private static partial Regex ResetLink();
}
