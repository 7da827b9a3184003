using Microsoft.Playwright;
using MimeKit;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.WebChat;

/// <summary>
/// A parent on the help page: the real service, the real Web Chat bundle in Debian's Chromium, a real SMTP server.
/// </summary>
public sealed class HelpPageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-webchat-").FullName;

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task LostIdentifier_ThroughWebChat_MailsTheIdentifier(string transport)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var bot = await BotProcess.StartAsync(_folder, new Dictionary<string, string>
        {
            ["Mail__Mode"] = "Smtp",
            ["Mail__Smtp__Host"] = smtp.Host,
            ["Mail__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
        });
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });
        var url = new Uri(bot.BaseAddress, transport == "polling" ? "/?transport=polling" : "/").ToString();

        await page.GotoAsync(url);
        await WebChatPage.WaitForTranscriptAsync(page, "Bonjour");
        await WebChatPage.SendAsync(page, "j'ai oublié mon identifiant");
        await WebChatPage.WaitForTranscriptAsync(page, "adresse");
        await WebChatPage.SendAsync(page, "valery.durant@example.fr");
        await WebChatPage.WaitForTranscriptAsync(page, "Si un compte est rattaché à cette adresse");

        var mail = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "valery.durant@example.fr"), TimeSpan.FromSeconds(20));
        Assert.Contains("v.durant1", mail.TextBody, StringComparison.Ordinal);
        var transcript = await page.InnerTextAsync("#webchat");
        Assert.DoesNotContain("v.durant1", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_KeepsTheConversationAndReplaysItsHistory()
    {
        await using var bot = await BotProcess.StartAsync(_folder);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });

        await page.GotoAsync(bot.BaseAddress.ToString());
        await WebChatPage.WaitForTranscriptAsync(page, "Bonjour");
        await WebChatPage.SendAsync(page, "où est modulo ?");
        await WebChatPage.WaitForTranscriptAsync(page, "Je me connecte");
        await page.ReloadAsync();

        await WebChatPage.WaitForTranscriptAsync(page, "où est modulo ?");
        await WebChatPage.WaitForTranscriptAsync(page, "Je me connecte");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }


}
