using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Workspace;

namespace SupportBot.Bot.Tests.Workspace;

/// <summary>
/// The directors' and the académie's pages over HTTP (the service in-process, a real SQLite file, the mail outbox): what
/// a director can see and do with the link of their mail, and what nobody can do with any other.
/// </summary>
public sealed partial class WorkspaceTests : IAsyncLifetime
{
    private const string Secret = "code-de-l-assistance-2026";
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private BotFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = new BotFactory(settings: new Dictionary<string, string?>
        {
            ["Directory:DemoData"] = "Never",
            ["Directory:ReferenceSchools"] = "Never",
            ["Dialogs:PublicBaseUrl"] = "http://localhost",
            ["Cases:AcademieEmail"] = "assistance@ac-rennes.example",
            ["Cases:AcademieSecret"] = Secret,
            ["Cases:DispatchPollSeconds"] = "3600",
        });
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        db.Schools.Add(School.Create("0352207J", "Ecole élémentaire publique Jean Moulin", "Rennes", officialEmail: "ecole.0352207J@ac-rennes.fr"));
        db.Schools.Add(School.Create("0350122T", "Ecole primaire publique les Lucioles", "Baulon", officialEmail: "ecole.0350122T@ac-rennes.fr"));
        await db.SaveChangesAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        BotFactory.DeleteFolder(_factory.Folder);
    }

    [Fact]
    public async Task LinkOfTheMail_ShowsTheCaseAndTreatingItRecordsTheMessageForTheParent()
    {
        var reference = await OpenAsync("0352207J");
        using var client = Client();
        var link = LinkIn(await SingleMailAsync("ecole.0352207j@ac-rennes.fr"));

        var page = await client.GetStringAsync(link, Token);
        var list = await client.GetStringAsync($"/directeur?jeton={Uri.EscapeDataString(Jeton(link))}", Token);
        using var treated = await PostAsync(client, $"/directeur/dossier/{reference}/traiter", ("jeton", Jeton(link)), ("message", "C'est corrigé dans ONDE, réessayez demain."));
        var after = await client.GetStringAsync(treated.Headers.Location!, Token);

        Assert.Contains(reference, Decode(list), StringComparison.Ordinal);
        Assert.Contains("corrigez la fiche du responsable dans ONDE", Decode(page), StringComparison.Ordinal);
        Assert.Contains("Marquer comme traité", Decode(page), StringComparison.Ordinal);
        Assert.Contains("Le parent sera prévenu", Decode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, treated.StatusCode);
        Assert.Contains("est marquée comme traitée", Decode(after), StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", after, StringComparison.Ordinal);
        var resolved = await CaseAsync(reference);
        Assert.Equal((DirectorCaseStatus.Resolved, "C'est corrigé dans ONDE, réessayez demain."), (resolved.Status, resolved.DirectorMessage));
        Assert.Contains(resolved.Events, e => e.Type == DirectorCaseEventType.Resolved && e.SchoolId == resolved.SchoolId);
    }

    [Fact]
    public async Task MessageOverThreeHundredCharacters_IsRefusedAndNothingChanges()
    {
        var reference = await OpenAsync("0352207J");
        using var client = Client();
        var link = LinkIn(await SingleMailAsync("ecole.0352207j@ac-rennes.fr"));

        using var response = await PostAsync(client, $"/directeur/dossier/{reference}/traiter", ("jeton", Jeton(link)), ("message", new string('a', 301)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("dépasse 300 caractères", Decode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Equal(DirectorCaseStatus.Open, (await CaseAsync(reference)).Status);
    }

    [Fact]
    public async Task ExpiredTamperedOrOtherSchoolsLinks_GetTheSameNeutralPage()
    {
        var reference = await OpenAsync("0352207J");
        var other = await OpenAsync("0350122T", child: "Inès Martin");
        using var client = Client();
        var link = LinkIn(await SingleMailAsync("ecole.0352207j@ac-rennes.fr"));
        var jeton = Jeton(link);
        var links = _factory.Services.GetRequiredService<CaseLinks>();

        var pages = new List<(HttpStatusCode Status, string Body)>
        {
            await GetAsync(client, $"/directeur/dossier/{other}?jeton={Uri.EscapeDataString(jeton)}"),
            await GetAsync(client, $"/directeur/dossier/{reference}?jeton={Uri.EscapeDataString(jeton[..^3] + "abc")}"),
            await GetAsync(client, $"/directeur/dossier/{reference}?jeton={Uri.EscapeDataString(links.Issue(WorkspaceAccess.Academie))}"),
            await GetAsync(client, $"/directeur/dossier/{reference}"),
            await GetAsync(client, $"/directeur/dossier/SB-ZZZZZZ?jeton={Uri.EscapeDataString(jeton)}"),
            await GetAsync(client, "/directeur?jeton=x"),
        };
        using var forged = await PostAsync(client, $"/directeur/dossier/{other}/traiter", ("jeton", jeton), ("message", ""));
        pages.Add((forged.StatusCode, await forged.Content.ReadAsStringAsync(Token)));
        _factory.Time.Advance(TimeSpan.FromDays(14));
        pages.Add(await GetAsync(client, link));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.Forbidden, p.Status));
        Assert.Single(pages.Select(p => p.Body).Distinct());
        Assert.DoesNotContain(other, pages[0].Body, StringComparison.Ordinal);
        Assert.Equal(DirectorCaseStatus.Open, (await CaseAsync(other)).Status);
    }

    [Fact]
    public async Task NotOurSchool_GoesBackToTheAcademieWhichRoutesItToAnotherSchool()
    {
        var reference = await OpenAsync("0352207J");
        using var client = Client();
        var link = LinkIn(await SingleMailAsync("ecole.0352207j@ac-rennes.fr"));

        using var refused = await PostAsync(client, $"/directeur/dossier/{reference}/renvoyer", ("jeton", Jeton(link)), ("raison", "Pas d'élève de ce nom."));
        var academieMail = await SingleMailAsync("assistance@ac-rennes.example");
        var queue = LinkIn(academieMail, "academie");
        var casePage = await client.GetStringAsync(queue + "&q=" + Uri.EscapeDataString("lucioles baulon"), Token);
        using var assigned = await PostAsync(client, $"/academie/dossier/{reference}/orienter", ("jeton", Jeton(queue)), ("uai", "0350122T"));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Pas d'élève de ce nom.", academieMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ecole primaire publique les Lucioles", Decode(casePage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains(reference, (await SingleMailAsync("ecole.0350122t@ac-rennes.fr")).Subject, StringComparison.Ordinal);
        Assert.Equal("0350122T", (await CaseAsync(reference)).School!.Uai);
    }

    [Fact]
    public async Task AcademieQueue_OpensWithItsCodeOnly()
    {
        var unrouted = await OpenAsync(null, schoolGiven: "l'école des Lilas à Vitré");
        using var client = Client();

        var signIn = await GetAsync(client, "/academie");
        using var wrong = await PostAsync(client, "/academie/connexion", ("code", "mauvais code"));
        using var right = await PostAsync(client, "/academie/connexion", ("code", Secret));
        var queue = await client.GetStringAsync(right.Headers.Location!, Token);

        Assert.Contains("Code d'accès de l'assistance", Decode(signIn.Body), StringComparison.Ordinal);
        Assert.DoesNotContain(unrouted, signIn.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains(unrouted, queue, StringComparison.Ordinal);
        Assert.Contains("l'école des Lilas à Vitré", Decode(queue), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewLinkByUai_GoesToTheOfficialMailboxOnlyAndTheAnswerSaysNothing()
    {
        using var client = Client();
        var mailer = _factory.Services.GetRequiredService<WorkspaceLinkMailer>();

        using var known = await PostAsync(client, "/directeur/lien", ("uai", "0352207 j"));
        var knownBody = await known.Content.ReadAsStringAsync(Token);
        using var unknown = await PostAsync(client, "/directeur/lien", ("uai", "0359999Z"));
        using var garbage = await PostAsync(client, "/directeur/lien", ("uai", "<script>"));
        await mailer.DrainAsync(Token);

        Assert.All(new[] { known, unknown, garbage }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(knownBody, await unknown.Content.ReadAsStringAsync(Token));
        Assert.Equal(knownBody, await garbage.Content.ReadAsStringAsync(Token));
        var mail = Assert.Single(Outbox());
        Assert.Equal("ecole.0352207j@ac-rennes.fr", mail.To.Mailboxes.Single().Address.ToLowerInvariant());
        var link = LinkIn(mail, "directeur");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, link)).Status);
    }

    [Fact]
    public async Task NewLinks_AreCappedPerSchoolAndPerClientAddress()
    {
        using var client = Client();
        var mailer = _factory.Services.GetRequiredService<WorkspaceLinkMailer>();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            using var response = await PostAsync(client, "/directeur/lien", ("uai", "0352207J"));
            statuses.Add(response.StatusCode);
        }

        await mailer.DrainAsync(Token);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(WorkspaceLinkMailer.LinksPerHour, Outbox().Count);
    }

    [Fact]
    public async Task EveryPage_SendsSecurityHeadersAndIsNotCached()
    {
        using var client = Client();

        foreach (var path in new[] { "/directeur", "/directeur/lien", "/academie" })
        {
            using var response = await client.GetAsync(path, Token);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("<html lang=\"fr\" ", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
    }

    private HttpClient Client() => _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> OpenAsync(string? uai, string child = "Alexis Durand", string schoolGiven = "jean moulin rennes")
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var opening = await scope.ServiceProvider.GetRequiredService<DirectorCaseService>().OpenAsync(new NewDirectorCase(
            DirectorCaseKind.PhoneMismatch, "webchat", SchoolGiven: schoolGiven, PupilGiven: child, ResponsableGiven: "Valéry Durant",
            PhoneGiven: "06 12 34 56 78", SchoolUai: uai), Token);
        await _factory.Services.GetRequiredService<CaseDispatcher>().RunOnceAsync(opening.Case!.Id, Token);
        return opening.Case.Reference;
    }

    private async Task<DirectorCase> CaseAsync(string reference)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DirectorCaseService>().FindWithEventsAsync(reference, Token))!;
    }

    private List<MimeMessage> Outbox() =>
        [.. System.IO.Directory.Exists(Path.Combine(_factory.Folder, "outbox"))
            ? System.IO.Directory.GetFiles(Path.Combine(_factory.Folder, "outbox"), "*.eml").Order().Select(f => MimeMessage.Load(f))
            : []];

    private Task<MimeMessage> SingleMailAsync(string to) =>
        Task.FromResult(Assert.Single(Outbox(), m => m.To.Mailboxes.Any(a => a.Address.Equals(to, StringComparison.OrdinalIgnoreCase))));

    private static string LinkIn(MimeMessage mail, string space = "directeur") =>
        LinkPattern().Matches(mail.TextBody).Select(m => m.Value).First(l => l.Contains("/" + space, StringComparison.Ordinal));

    private static string Jeton(string link) => Uri.UnescapeDataString(Regex.Match(link, "jeton=([^&]+)").Groups[1].Value);

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), Token);

    [GeneratedRegex(@"http://localhost/\S+")]
    private static partial Regex LinkPattern();
}
