using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Tests.Dialogs;

namespace SupportBot.Bot.Tests.Cases;

/// <summary>The director's mail says, in French, what the parent gave and what to do, as the académie's procedure does.</summary>
public sealed class CaseMailsTests
{
    private static readonly School JeanMoulin = School.Create("0352207J", "Ecole élémentaire publique Jean Moulin", "Rennes",
        officialEmail: "ecole.0352207J@ac-rennes.fr");

    [Theory]
    [InlineData(DirectorCaseKind.PhoneMismatch, "numéro de portable différent de celui enregistré dans ONDE", "corrigez la fiche du responsable dans ONDE", "synchronisation de la nuit")]
    [InlineData(DirectorCaseKind.BirthDateMismatch, "date de naissance d'un enfant refusée", "Vérifiez la date de naissance de l'enfant sur la fiche de renseignements", "synchronisation de la nuit")]
    [InlineData(DirectorCaseKind.LostNotification, "courrier de notification ou codes d'activation perdus", "SANS réinitialisation du mot de passe", "Re-notifiez")]
    [InlineData(DirectorCaseKind.LostTemporaryPassword, "mot de passe provisoire perdu", "AVEC réinitialisation du mot de passe", "Re-notifiez")]
    [InlineData(DirectorCaseKind.NoMobilePhone, "pas de téléphone portable", "notifiez son compte", "sur papier")]
    public async Task DirectorMail_NamesTheSituationAndTheStepsInFrench(DirectorCaseKind kind, string situation, string step, string detail)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var mails = bot.Services.GetRequiredService<CaseMails>();

        var mail = mails.ToDirector(Case(kind), JeanMoulin)!;

        Assert.Equal("ecole.0352207j@ac-rennes.fr", mail.To.ToLowerInvariant());
        Assert.StartsWith($"Demande SB-7KQ4M2 : {situation}", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(kind.ToString(), mail.Subject + mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        foreach (var expected in new[] { step, detail, "ARENA > Intranet, référentiels et outils > Outils de gestion des identités et habilitations > EduConnect – Administration des comptes" })
        {
            Assert.Contains(expected, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(mail.HtmlBody!), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("avec ou sans", mail.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DirectorMail_GivesWhatTheParentTypedAndASignedLinkToTheCase()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var mails = bot.Services.GetRequiredService<CaseMails>();
        var links = bot.Services.GetRequiredService<CaseLinks>();
        var directorCase = Case(DirectorCaseKind.LostTemporaryPassword, channel: "sms", address: "+33611111111");

        var mail = mails.ToDirector(directorCase, JeanMoulin)!;

        foreach (var given in new[] { "Parent : Valéry Durant", "Enfant : Alexis Durand", "Date de naissance indiquée : 12/03/2016",
            "Identifiant EduConnect indiqué : v.durant1", "Téléphone portable indiqué : +33612345678", "par SMS, depuis le +33611111111" })
        {
            Assert.Contains(given, mail.TextBody, StringComparison.Ordinal);
        }

        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"http://bot\.test/directeur/dossier/SB-7KQ4M2\?jeton=(\S+)");
        Assert.True(link.Success, mail.TextBody);
        var access = await links.ValidateAsync(Uri.UnescapeDataString(link.Groups[1].Value));
        Assert.Equal("0352207J", access?.SchoolUai);
        Assert.Contains($"href=\"{link.Value}\"", System.Net.WebUtility.HtmlDecode(mail.HtmlBody!), StringComparison.Ordinal);
        Assert.Contains("(lien réservé à votre école, valable 14 jours) :<br><a href=", System.Net.WebUtility.HtmlDecode(mail.HtmlBody!), StringComparison.Ordinal);
        Assert.DoesNotContain("&#xA;", mail.HtmlBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParentText_IsEscapedInHtmlAndCannotForgeLines()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var mails = bot.Services.GetRequiredService<CaseMails>();
        var directorCase = Case(DirectorCaseKind.PhoneMismatch);
        directorCase.ResponsableGiven = "Jean <script>alert(1)</script>\r\nRéférence : SB-FAKE99\u2028Lien : http://evil.example";
        directorCase.PupilGiven = "Léa\n\n- Parent : Quelqu'un d'autre";

        var mail = mails.ToDirector(directorCase, JeanMoulin)!;
        var lines = mail.TextBody.Split('\n');

        Assert.DoesNotContain("<script>", mail.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody!, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("Référence : SB-FAKE99", StringComparison.Ordinal) || l.StartsWith("Lien :", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("- Parent :", StringComparison.Ordinal));
        Assert.Contains("- Parent : Jean <script>alert(1)</script> Référence : SB-FAKE99 Lien : http://evil.example", lines);
    }

    [Fact]
    public async Task AcademieMail_GivesTheParentsWordsAndALinkToItsQueue()
    {
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Cases:AcademieEmail"] = "assistance@ac-rennes.example" }, seedDemo: false);
        var mails = bot.Services.GetRequiredService<CaseMails>();
        var directorCase = Case(DirectorCaseKind.BirthDateMismatch);
        directorCase.SchoolGiven = "l'école des Lilas à Vitré";

        var first = mails.ToAcademie(directorCase, null)!;
        var refused = mails.ToAcademie(directorCase, (JeanMoulin, "Pas d'enfant de ce nom\nchez nous"))!;

        Assert.Equal("assistance@ac-rennes.example", first.To);
        Assert.StartsWith("Demande SB-7KQ4M2 à orienter : date de naissance", first.Subject, StringComparison.Ordinal);
        Assert.Contains("École nommée par le parent : l'école des Lilas à Vitré", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://bot.test/academie/dossier/SB-7KQ4M2?jeton=", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ecole élémentaire publique Jean Moulin (0352207J) indique que cette demande ne la concerne pas : Pas d'enfant de ce nom chez nous",
            refused.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAcademieAddress_NoAcademieMail()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        Assert.Null(bot.Services.GetRequiredService<CaseMails>().ToAcademie(Case(DirectorCaseKind.Other), null));
    }

    [Fact]
    public async Task StagingRedirect_SendsEveryInstitutionsMailToOneAddressNamingTheRealOne()
    {
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cases:DirectorMailRedirect"] = "recette@ac-rennes.example",
            ["Cases:AcademieEmail"] = "assistance@ac-rennes.example",
        }, seedDemo: false);
        var mails = bot.Services.GetRequiredService<CaseMails>();

        var director = mails.ToDirector(Case(DirectorCaseKind.NoMobilePhone), JeanMoulin)!;
        var academie = mails.ToAcademie(Case(DirectorCaseKind.NoMobilePhone), null)!;
        var link = mails.Link(JeanMoulin)!;

        Assert.All(new[] { director, academie, link }, m => Assert.Equal("recette@ac-rennes.example", m.To));
        Assert.StartsWith("[pour ecole.0352207j@ac-rennes.fr] Demande SB-7KQ4M2", director.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("[pour assistance@ac-rennes.example] ", academie.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DirectorCaseKind.PhoneMismatch, "corrigé vos informations dans ONDE")]
    [InlineData(DirectorCaseKind.LostNotification, "de nouveau notifié votre compte")]
    [InlineData(DirectorCaseKind.Other, "traitée par l'école")]
    public async Task ParentMail_SaysItIsDoneWithTheDirectorsWords(DirectorCaseKind kind, string done)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var directorCase = Case(kind);
        directorCase.DirectorMessage = "Bonjour, c'est corrigé <b>depuis</b> ce matin.";

        var mail = bot.Services.GetRequiredService<CaseMails>().ToParent(directorCase, "parent@example.fr");

        Assert.Equal("Votre demande SB-7KQ4M2 a été traitée", mail.Subject);
        Assert.Contains(done, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Message de l'école : Bonjour, c'est corrigé <b>depuis</b> ce matin.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;depuis&lt;/b&gt;", mail.HtmlBody!, StringComparison.Ordinal);
    }

    private static DirectorCase Case(DirectorCaseKind kind, string channel = "webchat", string? address = null) => new()
    {
        Reference = "SB-7KQ4M2",
        Kind = kind,
        Channel = channel,
        ChannelAddress = address,
        ResponsableGiven = "Valéry Durant",
        PupilGiven = "Alexis Durand",
        PupilBirthDateGiven = new DateOnly(2016, 3, 12),
        PhoneGiven = "+33612345678",
        IdentifierGiven = "v.durant1",
        SchoolGiven = "jean moulin rennes",
        CreatedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
    };
}
