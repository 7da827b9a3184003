using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using MimeKit;
using SupportBot.Bot.Sms;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.WebChat;

/// <summary>
/// A case from the parent to the school's « c'est fait » and back, with every real part: the service as a process,
/// Web Chat in Debian's Chromium, a real SMTP server receiving the mails, Twilio's REST API stood in for locally, and
/// the links of the mails opened in the browser. Every workspace page is checked with axe-core.
/// </summary>
public sealed partial class DirectorLoopTests : IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string BotNumber = "+33757000000";
    private const string Parent = "+33611111111";
    private const string Academie = "assistance@ac-rennes.example";
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-directors-").FullName;
    private int _sid;

    [Fact]
    public async Task WebChatCase_ReachesTheDirectorWhoTreatsIt_AndTheParentHearsBackByMail()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var bot = await BotProcess.StartAsync(_folder, Settings(smtp));
        await using var browser = await BrowserSession.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR" });
        var chat = await context.NewPageAsync();

        await chat.GotoAsync(bot.BaseAddress.ToString());
        await SayAsync(chat, "Bonjour", "la date de naissance de mon fils est refusée", "transmette une demande de correction");
        await SayAsync(chat, null, "oui", "votre prénom et votre nom");
        await SayAsync(chat, null, "Guillaume Zoumn", "prénom de votre enfant");
        await SayAsync(chat, null, "Noé", "date de naissance");
        await SayAsync(chat, null, "21 septembre 2018", "Dans quelle école");
        await SayAsync(chat, null, "ecole jean moulin a rennes", "Plusieurs écoles correspondent");
        // Web Chat shows typographic apostrophes (’): the fragments waited for avoid them.
        await SayAsync(chat, null, "Ecole élémentaire publique Jean Moulin (Rennes)", "au directeur ou à la directrice de");
        await WebChatPage.WaitForTranscriptAsync(chat, "Ecole élémentaire publique Jean Moulin, à Rennes : votre demande porte la référence");
        await WebChatPage.WaitForTranscriptAsync(chat, "Voulez-vous être prévenu(e)");
        var reference = ReferencePattern().Match(await chat.InnerTextAsync("#webchat")).Value;
        await SayAsync(chat, null, "Oui, par courriel", "À quelle adresse électronique");
        await SayAsync(chat, null, "guillaume.zoumn@example.fr", "noté : vous serez prévenu(e)");

        var directorMail = await smtp.WaitForMessageAsync(m => To(m, "ecole.0352207j@ac-rennes.fr"), MailWait);
        Assert.Contains(reference, directorMail.Subject, StringComparison.Ordinal);
        Assert.Contains("date de naissance", directorMail.Subject, StringComparison.Ordinal);
        Assert.Contains("Date de naissance indiquée : 21/09/2018", directorMail.TextBody, StringComparison.Ordinal);
        var director = await context.NewPageAsync();
        await director.GotoAsync(LinkIn(directorMail, "/directeur/dossier/"));
        Assert.Contains("Vérifiez la date de naissance de l'enfant sur la fiche de renseignements", await director.InnerTextAsync("main"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(director);
        await director.FillAsync("#message", "La date est corrigée dans ONDE : réessayez après-demain.");
        await director.ClickAsync("button:has-text('Marquer comme traité')");
        await director.WaitForSelectorAsync("text=est marquée comme traitée");
        await Accessibility.AssertNoViolationsAsync(director);

        var parentMail = await smtp.WaitForMessageAsync(m => To(m, "guillaume.zoumn@example.fr"), MailWait);
        Assert.Equal($"Votre demande {reference} a été traitée", parentMail.Subject);
        Assert.Contains("Message de l'école : La date est corrigée dans ONDE : réessayez après-demain.", parentMail.TextBody, StringComparison.Ordinal);

        // Back on the help page later: the assistant says where the request stands.
        await chat.ReloadAsync();
        await WebChatPage.WaitForTranscriptAsync(chat, $"Votre demande {reference} a été traitée par");
    }

    [Fact]
    public async Task SmsCaseWithoutASchool_IsRoutedByTheAcademie_TreatedByTheDirector_AndTheParentIsTexted()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var twilio = await TwilioRestStandIn.StartAsync();
        var settings = Settings(smtp);
        settings["Twilio__AccountSid"] = AccountSid;
        settings["Twilio__AuthToken"] = AuthToken;
        settings["Twilio__FromNumber"] = BotNumber;
        settings["Twilio__ApiBaseUrl"] = twilio.BaseUrl;
        settings["Twilio__CaseNotificationPollSeconds"] = "1";
        await using var bot = await BotProcess.StartAsync(_folder, settings);
        using var sms = new HttpClient { BaseAddress = bot.BaseAddress };

        Assert.Contains("re-notifier", await TextAsync(sms, bot, "bonjour j'ai perdu le courrier de l'ecole avec les codes"), StringComparison.Ordinal);
        await TextAsync(sms, bot, "1");
        await TextAsync(sms, bot, "Guillaume Avlisad");
        await TextAsync(sms, bot, "Inès Avlisad");
        Assert.Contains("Je ne trouve pas cette", await TextAsync(sms, bot, "l'ecole du bout du monde"), StringComparison.Ordinal);
        var opened = await TextAsync(sms, bot, "je ne me souviens plus du nom");
        Assert.Contains("C'est transmis à l'assistance de l'académie", opened, StringComparison.Ordinal);
        var reference = ReferencePattern().Match(opened).Value;

        await using var browser = await BrowserSession.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        var academieMail = await smtp.WaitForMessageAsync(m => To(m, Academie), MailWait);
        Assert.Contains("l'ecole du bout du monde / je ne me souviens plus du nom", academieMail.TextBody, StringComparison.Ordinal);
        await page.GotoAsync(LinkIn(academieMail, "/academie/dossier/"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#q", "jean moulin elementaire rennes");
        await page.ClickAsync("button:has-text('Chercher')");
        await page.ClickAsync("li:has-text('Ecole élémentaire publique Jean Moulin') button");
        await page.WaitForSelectorAsync("text=est orientée vers Ecole élémentaire publique Jean Moulin");
        await Accessibility.AssertNoViolationsAsync(page);

        var directorMail = await smtp.WaitForMessageAsync(m => To(m, "ecole.0352207j@ac-rennes.fr"), MailWait);
        Assert.Contains("SANS réinitialisation du mot de passe", directorMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"par SMS, depuis le {Parent}", directorMail.TextBody, StringComparison.Ordinal);
        await page.GotoAsync(LinkIn(directorMail, "/directeur/dossier/"));
        await page.FillAsync("#message", "Nouveau courrier dans le cahier de liaison d'Inès.");
        await page.ClickAsync("button:has-text('Marquer comme traité')");
        await page.WaitForSelectorAsync("text=est marquée comme traitée");
        await page.ClickAsync("text=Retour à la liste des demandes");
        await page.WaitForSelectorAsync($"text={reference}");
        await Accessibility.AssertNoViolationsAsync(page);

        var texted = await WaitForAsync(() => twilio.Calls.FirstOrDefault(c => c.Form["To"] == Parent));
        Assert.Contains($"votre demande {reference} est traitée", texted.Form["Body"], StringComparison.Ordinal);
        Assert.Contains("Nouveau courrier dans le cahier de liaison", texted.Form["Body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkAndSignInPages_AreAccessibleAndSayNothingAboutWhatExists()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var bot = await BotProcess.StartAsync(_folder, Settings(smtp));
        await using var browser = await BrowserSession.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR" });
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/directeur/lien", "/academie", "/directeur?jeton=expire" })
        {
            await page.GotoAsync(new Uri(bot.BaseAddress, path).ToString());
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync(new Uri(bot.BaseAddress, "/directeur/lien").ToString());
        await page.FillAsync("#uai", "0352207J");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
        var known = await page.InnerTextAsync("main");
        await page.GotoAsync(new Uri(bot.BaseAddress, "/directeur/lien").ToString());
        await page.FillAsync("#uai", "0359999Z");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");

        Assert.Equal(known, await page.InnerTextAsync("main"));
        var mail = await smtp.WaitForMessageAsync(m => To(m, "ecole.0352207j@ac-rennes.fr"), MailWait);
        await page.GotoAsync(LinkIn(mail, "/directeur?"));
        Assert.Contains("Ecole élémentaire publique Jean Moulin, Rennes (UAI 0352207J)", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.DoesNotContain(smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address.Contains("0359999", StringComparison.OrdinalIgnoreCase)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    private static Dictionary<string, string> Settings(SmtpTestServer smtp) => new()
    {
        ["Mail__Mode"] = "Smtp",
        ["Mail__Smtp__Host"] = smtp.Host,
        ["Mail__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail__Smtp__Security"] = "None",
        ["Cases__AcademieEmail"] = Academie,
        ["Cases__DispatchPollSeconds"] = "1",
    };

    private async Task<string> TextAsync(HttpClient client, BotProcess bot, string body)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid,
            ["Body"] = body,
            ["From"] = Parent,
            ["MessageSid"] = $"SM{++_sid:D32}",
            ["To"] = BotNumber,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsEndpoints.Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioTestSignature.Compute(AuthToken, new Uri(bot.BaseAddress, TwilioSmsEndpoints.Path).ToString(), form));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}:\n{bot.Output}");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return string.Join("\n", xml.Root!.Elements("Message").Select(m => m.Value));
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(a => a.Address.Equals(address, StringComparison.OrdinalIgnoreCase));

    private static string LinkIn(MimeMessage mail, string path) =>
        Regex.Matches(mail.TextBody, @"http://127\.0\.0\.1:\d+/\S+").Select(m => m.Value).First(l => l.Contains(path, StringComparison.Ordinal));

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 150; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("Nothing came within 30 s.");
    }

    private static async Task SayAsync(IPage page, string? waitFirst, string text, string expected)
    {
        if (waitFirst is not null)
        {
            await WebChatPage.WaitForTranscriptAsync(page, waitFirst);
        }

        await WebChatPage.SendAsync(page, text);
        await WebChatPage.WaitForTranscriptAsync(page, expected);
    }


    [GeneratedRegex("SB-[0-9A-Z]{6}")]
    private static partial Regex ReferencePattern();
}
