using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Cases;

/// <summary>
/// The mails of a case, in the words of dialogs/: to the school's director (what the parent gave and what to do, with a
/// signed link to the case), to the académie (a case to route), to the parent (the case is treated), and a new
/// workspace link. <see cref="CasesOptions.DirectorMailRedirect"/> sends the institutions' mails to one address (staging).
/// </summary>
internal sealed class CaseMails(DialogCatalog catalog, CaseLinks links, IOptions<CasesOptions> cases, PublicAddress address)
{
    public const string DirectorPurpose = "dossier-ecole";
    public const string AcademiePurpose = "dossier-academie";
    public const string ParentPurpose = "dossier-traite";
    public const string LinkPurpose = "lien-espace";

    private TextCatalog Texts => catalog.Texts;

    private CaseDescription Description => new(Texts);

    public string BaseUrl => address.BaseUrl;

    public string CaseUrl(WorkspaceAccess access, string reference) =>
        $"{BaseUrl}/{(access.IsAcademie ? "academie" : "directeur")}/dossier/{Uri.EscapeDataString(reference)}?jeton={Uri.EscapeDataString(links.Issue(access))}";

    public string HomeUrl(WorkspaceAccess access) =>
        $"{BaseUrl}/{(access.IsAcademie ? "academie" : "directeur")}?jeton={Uri.EscapeDataString(links.Issue(access))}";

    public OutgoingMail? ToDirector(DirectorCase directorCase, School school)
    {
        if (school.DirectorMailbox is not { Length: > 0 } mailbox)
        {
            return null;
        }

        var description = Description;
        var values = SchoolValues(school);
        values["reference"] = directorCase.Reference;
        values["situation"] = description.Situation(directorCase.Kind);
        values["lien"] = CaseUrl(WorkspaceAccess.School(school.Uai), directorCase.Reference);
        values["jours"] = DaysText();
        var body = new MailBody()
            .Paragraphs(Texts.Get(CaseTexts.CourrielDirecteurIntro), values)
            .Heading($"{directorCase.Reference} ({CaseDescription.DateTime(directorCase.CreatedAt)}) : {values["situation"]}")
            .Heading(description.Text(CaseTexts.CourrielDirecteurDonnees))
            .Fields(description.Fields(directorCase, withSchoolGiven: false))
            .Heading(description.Text(CaseTexts.CourrielDirecteurAFaire))
            .Steps(description.Steps(directorCase.Kind))
            .Paragraphs(Texts.Get(CaseTexts.CourrielDirecteurLien), values, link: "lien")
            .Line(description.Text(CaseTexts.CourrielSignature));
        return Addressed(mailbox, Texts.Get(CaseTexts.CourrielDirecteurSujet).Format(values).Web, body, DirectorPurpose);
    }

    /// <param name="refusal">The school's « Pas dans notre école », when it sent the case back.</param>
    public OutgoingMail? ToAcademie(DirectorCase directorCase, (School School, string Reason)? refusal)
    {
        if (cases.Value.AcademieEmail is not { Length: > 0 } mailbox)
        {
            return null;
        }

        var description = Description;
        var values = new Dictionary<string, string>
        {
            ["reference"] = directorCase.Reference,
            ["situation"] = description.Situation(directorCase.Kind),
            ["lien"] = CaseUrl(WorkspaceAccess.Academie, directorCase.Reference),
            ["jours"] = DaysText(),
        };
        var body = new MailBody().Paragraphs(Texts.Get(CaseTexts.CourrielAcademieIntro), values);
        if (refusal is var (school, reason))
        {
            var refused = SchoolValues(school);
            refused["raison"] = CaseDescription.OneLine(reason);
            body.Paragraphs(Texts.Get(CaseTexts.CourrielAcademieRefus), refused);
        }

        body.Heading($"{directorCase.Reference} ({CaseDescription.DateTime(directorCase.CreatedAt)}) : {values["situation"]}")
            .Heading(description.Text(CaseTexts.CourrielDirecteurDonnees))
            .Fields(description.Fields(directorCase, withSchoolGiven: true))
            .Paragraphs(Texts.Get(CaseTexts.CourrielAcademieLien), values, link: "lien")
            .Line(description.Text(CaseTexts.CourrielSignature));
        return Addressed(mailbox, Texts.Get(CaseTexts.CourrielAcademieSujet).Format(values).Web, body, AcademiePurpose);
    }

    /// <summary>A new link to the workspace, to the school's official mailbox (or the académie's), never to an address typed on the page.</summary>
    public OutgoingMail? Link(School? school)
    {
        var mailbox = school is null ? cases.Value.AcademieEmail : school.DirectorMailbox;
        if (mailbox is not { Length: > 0 })
        {
            return null;
        }

        var access = school is null ? WorkspaceAccess.Academie : WorkspaceAccess.School(school.Uai);
        var values = school is null ? new Dictionary<string, string> { ["ecole"] = Description.Text(CaseTexts.EspaceAcademie) } : SchoolValues(school);
        values["lien"] = HomeUrl(access);
        values["jours"] = DaysText();
        var body = new MailBody().Paragraphs(Texts.Get(CaseTexts.CourrielLienEspaceCorps), values, link: "lien");
        return Addressed(mailbox, Texts.Get(CaseTexts.CourrielLienEspaceSujet).Web, body, LinkPurpose);
    }

    /// <summary>To a parent who gave an e-mail address to be told: the case is treated, with the director's message.</summary>
    public OutgoingMail ToParent(DirectorCase directorCase, string address)
    {
        var values = new Dictionary<string, string> { ["reference"] = directorCase.Reference };
        var body = new MailBody().Paragraphs(Texts.Get(directorCase.Kind switch
        {
            DirectorCaseKind.PhoneMismatch or DirectorCaseKind.BirthDateMismatch => CaseTexts.CourrielDossierTraiteOnde,
            DirectorCaseKind.LostNotification or DirectorCaseKind.LostTemporaryPassword or DirectorCaseKind.NoMobilePhone => CaseTexts.CourrielDossierTraiteNotification,
            _ => CaseTexts.CourrielDossierTraiteAutre,
        }), values);
        if (directorCase.DirectorMessage is { Length: > 0 } message)
        {
            body.Paragraphs(Texts.Get(CaseTexts.CourrielMessageEcole), new Dictionary<string, string> { ["message"] = message });
        }

        body.Line(Texts.Get(CaseTexts.CourrielDossierSignature).Web);
        return new OutgoingMail(address, Texts.Get(CaseTexts.CourrielDossierTraiteSujet).Format(values).Web, body.TextBody, body.HtmlBody, ParentPurpose);
    }

    private OutgoingMail Addressed(string mailbox, string subject, MailBody body, string purpose)
    {
        if (cases.Value.DirectorMailRedirect is { Length: > 0 } redirect)
        {
            subject = Texts.Get(CaseTexts.CourrielRedirige).Format(new Dictionary<string, string> { ["destinataire"] = mailbox }).Web + " " + subject;
            mailbox = redirect;
        }

        return new OutgoingMail(mailbox, subject, body.TextBody, body.HtmlBody, purpose);
    }

    private string DaysText() => cases.Value.LinkLifetimeDays.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> SchoolValues(School school) => new()
    {
        ["ecole"] = school.Name,
        ["uai"] = school.Uai,
        ["commune"] = school.Commune ?? "",
    };
}
