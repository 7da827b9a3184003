using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Workspace;

/// <summary>
/// <c>/directeur</c>: a school director's cases, reached by the signed link of each case mail (scoped to the school,
/// expiring). The token is the only credential, so the forms carry it (no cookie, no antiforgery); anything wrong with it
/// gets the same neutral page. A director who lost the link asks a new one by UAI: it goes to the school's official mailbox.
/// </summary>
internal static class DirectorEndpoints
{
    public const string Home = "/directeur";
    public const string LinkPage = "/directeur/lien";

    // The browser's hint only (7 digits and a letter, spaces allowed); the server checks the UAI itself.
    private const string UaiPattern = @"\s*[0-9]{7}\s*[A-Za-z]\s*";

    public static IEndpointRouteBuilder MapDirectorWorkspace(this IEndpointRouteBuilder app)
    {
        app.MapGet(Home, ListAsync).ExcludeFromDescription();
        app.MapGet(Home + "/dossier/{reference}", ShowAsync).ExcludeFromDescription();
        app.MapPost(Home + "/dossier/{reference}/traiter", ResolveAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapPost(Home + "/dossier/{reference}/renvoyer", RefuseAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet(LinkPage, LinkForm).ExcludeFromDescription();
        app.MapPost(LinkPage, RequestLinkAsync).ExcludeFromDescription().DisableAntiforgery()
            .RequireRateLimiting(WorkspaceEndpoints.LinkRateLimit);
        return app;
    }

    private static async Task<ContentHttpResult> ListAsync(string? jeton, string? ok, string? dossier, HttpResponse response,
        CaseLinks links, DirectoryDbContext db, DirectorCaseService cases, DialogCatalog catalog, IOptions<CasesOptions> options,
        CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        if (await SchoolOfAsync(jeton, links, db, cancellationToken) is not { } school)
        {
            return html.Refused(response, LinkPage);
        }

        var all = await cases.ListForSchoolAsync(school.Id, cancellationToken);
        var open = all.Where(c => c.Status == DirectorCaseStatus.Open).ToList();
        var done = all.Where(c => c.Status == DirectorCaseStatus.Resolved).ToList();
        var body = new StringBuilder();
        if (ok == "renvoyee" && dossier is not null)
        {
            body.Append(WorkspaceHtml.Success(html.T(CaseTexts.EspaceRefuseeOk, ("reference", DirectorCaseService.NormalizeReference(dossier)))));
        }

        body.Append($"<p>{html.T(CaseTexts.EspaceEcoleDe, ("ecole", school.Name), ("commune", school.Commune ?? ""), ("uai", school.Uai))}</p>");
        body.Append($"<h2>{html.T(CaseTexts.EspaceOuvertes)}</h2>");
        string Link(DirectorCase c) => $"{Home}/dossier/{Uri.EscapeDataString(c.Reference)}?jeton={Uri.EscapeDataString(jeton!)}";
        body.Append(open.Count == 0 ? $"<p>{html.T(CaseTexts.EspaceAucuneOuverte)}</p>" : html.Table(html.T(CaseTexts.EspaceOuvertes), open, Link, academie: false));
        var days = ("jours", options.Value.ClosedCasesShownDays.ToString(CultureInfo.InvariantCulture));
        body.Append($"<h2>{html.T(CaseTexts.EspaceTraitees, days)}</h2>");
        body.Append(done.Count == 0 ? $"<p>{html.T(CaseTexts.EspaceAucuneTraitee)}</p>" : html.Table(html.T(CaseTexts.EspaceTraitees, days), done, Link, academie: false));
        return html.Page(response, catalog.Texts.Get(CaseTexts.EspaceTitreEcole).Web, body.ToString());
    }

    private static async Task<ContentHttpResult> ShowAsync(string reference, string? jeton, string? ok, HttpResponse response, CaseLinks links,
        DirectoryDbContext db, DirectorCaseService cases, DialogCatalog catalog, CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        if (await SchoolOfAsync(jeton, links, db, cancellationToken) is not { } school
            || await cases.FindWithEventsAsync(reference, cancellationToken) is not { } directorCase
            || (directorCase.SchoolId != school.Id && !directorCase.Events.Any(e => e.SchoolId == school.Id)))
        {
            return html.Refused(response, LinkPage);
        }

        var notice = ok switch
        {
            "traitee" => WorkspaceHtml.Success(html.T(CaseTexts.EspaceTraiteeOk, ("reference", directorCase.Reference))),
            _ => "",
        };
        return CasePage(html, response, jeton!, school, directorCase, notice);
    }

    private static async Task<IResult> ResolveAsync(string reference, HttpRequest request, CaseLinks links, DirectoryDbContext db,
        DirectorCaseService cases, DialogCatalog catalog, CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        var form = await WorkspaceEndpoints.ReadFormAsync(request, cancellationToken);
        var jeton = form["jeton"].ToString();
        if (await SchoolOfAsync(jeton, links, db, cancellationToken) is not { } school)
        {
            return html.Refused(request.HttpContext.Response, LinkPage);
        }

        var message = form["message"].ToString();
        if (message.Trim().Length > DirectorCaseService.MaxDirectorMessageLength)
        {
            return await ProblemAsync(html, request, jeton, school, reference, cases, html.T(CaseTexts.EspaceErreurMessageLong), cancellationToken);
        }

        if (!await cases.ResolveAsync(reference, school.Id, message, cancellationToken))
        {
            return await ProblemAsync(html, request, jeton, school, reference, cases, html.T(CaseTexts.EspaceDejaTraitee), cancellationToken);
        }

        return TypedResults.Redirect($"{Home}/dossier/{Uri.EscapeDataString(DirectorCaseService.NormalizeReference(reference))}?jeton={Uri.EscapeDataString(jeton)}&ok=traitee");
    }

    private static async Task<IResult> RefuseAsync(string reference, HttpRequest request, CaseLinks links, DirectoryDbContext db,
        DirectorCaseService cases, CaseDispatcher dispatcher, DialogCatalog catalog, CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        var form = await WorkspaceEndpoints.ReadFormAsync(request, cancellationToken);
        var jeton = form["jeton"].ToString();
        if (await SchoolOfAsync(jeton, links, db, cancellationToken) is not { } school)
        {
            return html.Refused(request.HttpContext.Response, LinkPage);
        }

        try
        {
            if (!await cases.RefuseAsync(reference, school.Id, form["raison"].ToString(), cancellationToken))
            {
                return await ProblemAsync(html, request, jeton, school, reference, cases, html.T(CaseTexts.EspaceDejaTraitee), cancellationToken);
            }
        }
        catch (DirectoryValidationException)
        {
            return await ProblemAsync(html, request, jeton, school, reference, cases, html.T(CaseTexts.EspaceErreurRaison), cancellationToken);
        }

        // The académie hears of it now; if the mail fails, the dispatcher sends it at its next poll.
        if (await cases.FindAsync(reference, cancellationToken) is { } refused)
        {
            await dispatcher.RunOnceAsync(refused.Id, cancellationToken);
        }

        return TypedResults.Redirect($"{Home}?jeton={Uri.EscapeDataString(jeton)}&ok=renvoyee&dossier={Uri.EscapeDataString(DirectorCaseService.NormalizeReference(reference))}");
    }

    private static ContentHttpResult LinkForm(HttpResponse response, DialogCatalog catalog, IOptions<CasesOptions> options)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        return html.Page(response, catalog.Texts.Get(CaseTexts.EspaceLienTitre).Web, LinkFormBody(html, options.Value, ""));
    }

    private static async Task<ContentHttpResult> RequestLinkAsync(HttpRequest request, WorkspaceLinkMailer mailer, DialogCatalog catalog,
        IOptions<CasesOptions> options, CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        var form = await WorkspaceEndpoints.ReadFormAsync(request, cancellationToken);
        var uai = form["uai"].ToString().Replace(" ", "", StringComparison.Ordinal);

        // The same answer, at once, whatever the UAI: whether it is a school's is looked up after the answer.
        if (Uai.IsValid(uai))
        {
            mailer.Request(Uai.Normalize(uai));
        }

        var days = ("jours", options.Value.LinkLifetimeDays.ToString(CultureInfo.InvariantCulture));
        return html.Page(request.HttpContext.Response, catalog.Texts.Get(CaseTexts.EspaceLienTitre).Web,
            WorkspaceHtml.Notice(html.T(CaseTexts.EspaceLienEnvoye, days)));
    }

    private static string LinkFormBody(WorkspaceHtml html, CasesOptions options, string problem)
    {
        var days = ("jours", options.LinkLifetimeDays.ToString(CultureInfo.InvariantCulture));
        return $"""
            {problem}<p>{html.T(CaseTexts.EspaceLienAide, days)}</p>
            <form method="post" action="{LinkPage}">
            {WorkspaceHtml.Input("uai", html.T(CaseTexts.EspaceChampUai), $"type=\"text\" autocomplete=\"off\" maxlength=\"12\" required pattern=\"{UaiPattern}\"")}
            <button class="fr-btn" type="submit">{html.T(CaseTexts.EspaceBoutonEnvoyerLien)}</button></form>
            """;
    }

    private static ContentHttpResult CasePage(WorkspaceHtml html, HttpResponse response, string jeton, School school, DirectorCase directorCase,
        string notice, int status = StatusCodes.Status200OK)
    {
        var token = WorkspaceHtml.Encode(jeton);
        var action = $"{Home}/dossier/{Uri.EscapeDataString(directorCase.Reference)}";
        var body = new StringBuilder(notice);
        body.Append(html.Details(directorCase, withSchoolGiven: false));
        if (directorCase.Status == DirectorCaseStatus.Open && directorCase.SchoolId == school.Id)
        {
            body.Append($"""
                <h2 class="fr-mt-6w">{html.T(CaseTexts.EspaceTraiterTitre)}</h2><p>{html.T(CaseTexts.EspaceTraiterAide)}</p>
                <form method="post" action="{action}/traiter"><input type="hidden" name="jeton" value="{token}">
                {WorkspaceHtml.TextArea("message", html.T(CaseTexts.EspaceChampMessage), $"rows=\"4\" maxlength=\"{DirectorCaseService.MaxDirectorMessageLength}\"")}
                <button class="fr-btn" type="submit">{html.T(CaseTexts.EspaceBoutonTraiter)}</button></form>
                <h2 class="fr-mt-6w">{html.T(CaseTexts.EspaceRefuserTitre)}</h2><p>{html.T(CaseTexts.EspaceRefuserAide)}</p>
                <form method="post" action="{action}/renvoyer"><input type="hidden" name="jeton" value="{token}">
                {WorkspaceHtml.TextArea("raison", html.T(CaseTexts.EspaceChampRaison), $"rows=\"3\" maxlength=\"{DirectorCaseService.MaxReasonLength}\" required")}
                <button class="fr-btn fr-btn--secondary" type="submit">{html.T(CaseTexts.EspaceBoutonRefuser)}</button></form>
                """);
        }

        body.Append(html.History(directorCase));
        body.Append($"<p class=\"fr-mt-4w\"><a class=\"fr-link\" href=\"{Home}?jeton={WorkspaceHtml.Encode(Uri.EscapeDataString(jeton))}\">{html.T(CaseTexts.EspaceRetourListe)}</a></p>");
        return html.Page(response, html.Description.Format(CaseTexts.EspaceDossierTitre, ("reference", directorCase.Reference)), body.ToString(), status);
    }

    private static async Task<IResult> ProblemAsync(WorkspaceHtml html, HttpRequest request, string jeton, School school, string reference,
        DirectorCaseService cases, string problem, CancellationToken cancellationToken)
    {
        if (await cases.FindWithEventsAsync(reference, cancellationToken) is not { } directorCase
            || (directorCase.SchoolId != school.Id && !directorCase.Events.Any(e => e.SchoolId == school.Id)))
        {
            return html.Refused(request.HttpContext.Response, LinkPage);
        }

        return CasePage(html, request.HttpContext.Response, jeton, school, directorCase, WorkspaceHtml.Problem(problem), StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The open school the token was made for, or null.</summary>
    private static async Task<School?> SchoolOfAsync(string? jeton, CaseLinks links, DirectoryDbContext db, CancellationToken cancellationToken) =>
        await links.ValidateAsync(jeton) is { IsAcademie: false, SchoolUai: { } uai }
            ? await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Uai == uai, cancellationToken)
            : null;
}
