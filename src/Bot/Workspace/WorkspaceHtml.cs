using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Site;

namespace SupportBot.Bot.Workspace;

/// <summary>
/// The workspace's pages: the DSFR's forms, tables and alerts in the site's layout, working without JavaScript, French
/// from dialogs/espace-ecole.yaml. The page's address holds the access token, so nothing is cached and no Referer leaves with it.
/// </summary>
internal sealed class WorkspaceHtml(TextCatalog texts)
{
    public CaseDescription Description { get; } = new(texts);

    public string T(string name) => Encode(texts.Get(name).Web);

    public string T(string name, params (string Name, string Value)[] values) => Encode(Description.Format(name, values));

    public static string Encode(string? text) => Html.Encode(text);

    public ContentHttpResult Page(HttpResponse response, string title, string body, int status = StatusCodes.Status200OK)
    {
        SiteLayout.KeepPrivate(response);
        return SiteLayout.Page(Encode(title), $"<h1>{Encode(title)}</h1>{body}", status);
    }

    /// <summary>The same page for a missing, tampered, expired or foreign link: it tells nothing about what exists.</summary>
    public ContentHttpResult Refused(HttpResponse response, string linkPath) => Page(response, texts.Get(CaseTexts.EspaceLienRefuseTitre).Web,
        $"<p>{T(CaseTexts.EspaceLienRefuse)}</p><p><a class=\"fr-link\" href=\"{linkPath}\">{T(CaseTexts.EspaceDemanderLien)}</a></p>", StatusCodes.Status403Forbidden);

    public static string Notice(string text) => Alert("info", "status", text);

    public static string Success(string text) => Alert("success", "status", text);

    public static string Problem(string text) => Alert("error", "alert", text);

    private static string Alert(string type, string role, string text) =>
        $"<div class=\"fr-alert fr-alert--{type} fr-alert--sm fr-mb-4w\" role=\"{role}\"><p>{text}</p></div>";

    /// <summary>A text field in the DSFR's form group; <paramref name="attributes"/> are the control's own.</summary>
    public static string Input(string id, string label, string attributes) =>
        Group(id, label, $"<input class=\"fr-input\" id=\"{id}\" name=\"{id}\" {attributes}>");

    public static string TextArea(string id, string label, string attributes) =>
        Group(id, label, $"<textarea class=\"fr-input\" id=\"{id}\" name=\"{id}\" {attributes}></textarea>");

    private static string Group(string id, string label, string control) =>
        $"<div class=\"fr-input-group\"><label class=\"fr-label\" for=\"{id}\">{label}</label>{control}</div>";

    /// <summary>What the parent gave and the procedure's steps, as on the director's mail.</summary>
    public string Details(DirectorCase directorCase, bool withSchoolGiven)
    {
        var html = new StringBuilder();
        html.Append($"<p>{T(CaseTexts.EspaceDossierRecue, ("date", CaseDescription.DateTime(directorCase.CreatedAt)), ("situation", Description.Situation(directorCase.Kind)))}</p>");
        if (directorCase.ResolvedAt is { } resolved)
        {
            html.Append($"<p>{T(CaseTexts.EspaceDossierTraitee, ("date", CaseDescription.DateTime(resolved)))}</p>");
            if (directorCase.DirectorMessage is { Length: > 0 } message)
            {
                html.Append($"<p>{T(CaseTexts.EspaceDossierMessageEnvoye, ("message", message))}</p>");
            }
        }

        html.Append($"<h2 class=\"fr-mt-4w\">{T(CaseTexts.CourrielDirecteurDonnees)}</h2><dl>");
        foreach (var (label, value) in Description.Fields(directorCase, withSchoolGiven, withFollowUp: true))
        {
            html.Append($"<dt>{Encode(label)}</dt><dd>{Encode(value)}</dd>");
        }

        html.Append($"</dl><h2 class=\"fr-mt-4w\">{T(CaseTexts.CourrielDirecteurAFaire)}</h2><ol>");
        foreach (var step in Description.Steps(directorCase.Kind))
        {
            html.Append($"<li>{Encode(step)}</li>");
        }

        return html.Append("</ol>").ToString();
    }

    public string History(DirectorCase directorCase)
    {
        var html = new StringBuilder($"<h2 class=\"fr-mt-6w\">{T(CaseTexts.EspaceHistorique)}</h2><ul>");
        foreach (var e in directorCase.Events)
        {
            var school = e.School?.Name ?? Description.Text(CaseTexts.EspaceAcademie);
            var line = e.Type switch
            {
                DirectorCaseEventType.Opened => T(CaseTexts.EspaceEvenementOuverte),
                DirectorCaseEventType.Repeated => T(CaseTexts.EspaceEvenementRepetee) + (e.Note is { Length: > 0 } note ? " (" + Encode(CaseDescription.OneLine(note)) + ")" : ""),
                DirectorCaseEventType.Mailed => T(CaseTexts.EspaceEvenementEnvoyee, ("destinataire", e.Note ?? "")),
                DirectorCaseEventType.Assigned => T(CaseTexts.EspaceEvenementOrientee, ("ecole", school)),
                DirectorCaseEventType.Refused => T(CaseTexts.EspaceEvenementRefusee, ("ecole", school), ("raison", CaseDescription.OneLine(e.Note ?? ""))),
                DirectorCaseEventType.Resolved => T(CaseTexts.EspaceEvenementTraitee, ("ecole", school)),
                DirectorCaseEventType.SmsNotDelivered => T(CaseTexts.EspaceEvenementSmsNonRemis, ("erreur", e.Note ?? "?")),
                _ => T(CaseTexts.EspaceEvenementPrevenu),
            };
            html.Append($"<li><time datetime=\"{e.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{Encode(CaseDescription.DateTime(e.At))}</time> : {line}</li>");
        }

        return html.Append("</ul>").ToString();
    }

    /// <summary>A table of cases; <paramref name="link"/> gives each reference's address.</summary>
    public string Table(string caption, IReadOnlyList<DirectorCase> cases, Func<DirectorCase, string> link, bool academie)
    {
        // The DSFR's table scrolls sideways when narrower than its columns (at 320 px): focusable, it scrolls with the keyboard too.
        var html = new StringBuilder("<div class=\"fr-table fr-table--no-caption\"><div class=\"fr-table__wrapper\"><div class=\"fr-table__container\" tabindex=\"0\"><div class=\"fr-table__content\">");
        html.Append($"<table><caption>{caption}</caption><thead><tr>");
        html.Append($"<th scope=\"col\">{T(CaseTexts.EspaceColonneReference)}</th><th scope=\"col\">{T(CaseTexts.EspaceColonneSituation)}</th>");
        html.Append($"<th scope=\"col\">{T(CaseTexts.EspaceColonneDate)}</th><th scope=\"col\">{T(CaseTexts.EspaceColonneCanal)}</th>");
        html.Append(academie
            ? $"<th scope=\"col\">{T(CaseTexts.EspaceColonneEcoleDonnee)}</th>"
            : $"<th scope=\"col\">{T(CaseTexts.EspaceColonneEnfant)}</th><th scope=\"col\">{T(CaseTexts.EspaceColonneTraitee)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var c in cases)
        {
            html.Append($"<tr><th scope=\"row\"><a href=\"{Encode(link(c))}\">{Encode(c.Reference)}</a></th>");
            html.Append($"<td>{Encode(Description.Situation(c.Kind))}</td><td>{Encode(CaseDescription.DateTime(c.CreatedAt))}</td>");
            html.Append($"<td>{Encode(Description.ShortChannel(c))}</td>");
            html.Append(academie
                ? $"<td>{Encode(CaseDescription.OneLine(c.SchoolGiven ?? ""))}</td>"
                : $"<td>{Encode(CaseDescription.OneLine(c.PupilGiven ?? ""))}</td><td>{(c.ResolvedAt is { } r ? Encode(CaseDescription.Date(r)) : "")}</td>");
            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div></div></div></div>").ToString();
    }
}
