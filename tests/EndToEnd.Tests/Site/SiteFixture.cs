using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SupportBot.EndToEnd.Tests.WebChat;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.Site;

/// <summary>
/// One started service, SMTP server and browser for the pages' checks, and what a parent's conversation leaves: a
/// password reset link (« mot de passe oublié », « oui », the identifier, then the mail) and a case for a school, whose
/// director's mail links to the workspace.
/// </summary>
public sealed partial class SiteFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-site-").FullName;
    private SmtpTestServer? _smtp;
    private BotProcess? _bot;
    private BrowserSession? _browser;

    internal BotProcess Bot => _bot!;

    public IBrowser Browser => _browser!.Browser;

    /// <summary>The path and query of a valid reset link (not used: only refused submissions are made with it).</summary>
    public string ResetLink { get; private set; } = "";

    /// <summary>The path and query of the case's page in the director's workspace.</summary>
    public string CaseLink { get; private set; } = "";

    /// <summary>The path and query of the school's list of cases.</summary>
    public string CaseListLink { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _bot = await BotProcess.StartAsync(_folder, new Dictionary<string, string>
        {
            ["Mail__Mode"] = "Smtp",
            ["Mail__Smtp__Host"] = _smtp.Host,
            ["Mail__Smtp__Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
            ["Cases__AcademieEmail"] = "assistance@ac-rennes.example",
            ["Cases__AcademieSecret"] = "code-assistance-de-test-academie",
            ["Cases__DispatchPollSeconds"] = "1",
            // Every browser context of these tests asks a token from the same address.
            ["DirectLine__TokenRequestsPerMinute"] = "100",
        });
        _browser = await BrowserSession.StartAsync();

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR" });
        var chat = await context.NewPageAsync();
        await chat.GotoAsync(Bot.BaseAddress.ToString());
        await WebChatPage.WaitForTranscriptAsync(chat, "Bonjour");
        await WebChatPage.SendAsync(chat, "mot de passe oublié");
        await WebChatPage.WaitForTranscriptAsync(chat, "Connaissez-vous");
        await WebChatPage.SendAsync(chat, "oui");
        await WebChatPage.WaitForTranscriptAsync(chat, "identifiant");
        await WebChatPage.SendAsync(chat, "v.durant1");
        var mail = await _smtp.WaitForMessageAsync(m => m.Subject?.Contains("mot de passe", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30));
        ResetLink = PathOf(mail, "/motdepasse/reinitialiser?");

        foreach (var (say, expected) in new[]
        {
            ("la date de naissance de mon fils est refusée", "transmette une demande de correction"),
            ("oui", "votre prénom et votre nom"),
            ("Guillaume Zoumn", "prénom de votre enfant"),
            ("Noé", "date de naissance"),
            ("21 septembre 2018", "Dans quelle école"),
            ("ecole jean moulin a rennes", "Plusieurs écoles correspondent"),
            ("Ecole élémentaire publique Jean Moulin (Rennes)", "Voulez-vous être prévenu(e)"),
        })
        {
            await WebChatPage.SendAsync(chat, say);
            await WebChatPage.WaitForTranscriptAsync(chat, expected);
        }

        var directorMail = await _smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "ecole.0352207j@ac-rennes.fr"), TimeSpan.FromSeconds(30));
        CaseLink = PathOf(directorMail, "/directeur/dossier/");
        CaseListLink = "/directeur?" + new Uri(Bot.BaseAddress, CaseLink).Query.TrimStart('?');
        await context.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    private static string PathOf(MimeKit.MimeMessage mail, string path) =>
        new Uri(LinkPattern().Matches(mail.TextBody).Select(m => m.Value).First(l => l.Contains(path, StringComparison.Ordinal))).PathAndQuery;

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/\S+")]
    private static partial Regex LinkPattern();
}
