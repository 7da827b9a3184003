using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Workspace;

/// <summary>
/// <c>/academie</c>: the académie's assistance routes the cases no school was found for (or that a school sent back):
/// it searches the school as the bot does, assigns it, and the school's director is mailed. Access by a signed link
/// mailed to <see cref="CasesOptions.AcademieEmail"/>, or by typing <see cref="CasesOptions.AcademieSecret"/>.
/// </summary>
internal static class AcademieEndpoints
{
    public const string Home = "/academie";
    private const int MaxResults = 10;

    public static IEndpointRouteBuilder MapAcademieWorkspace(this IEndpointRouteBuilder app)
    {
        app.MapGet(Home, QueueAsync).ExcludeFromDescription();
        app.MapGet(Home + "/dossier/{reference}", ShowAsync).ExcludeFromDescription();
        app.MapPost(Home + "/dossier/{reference}/orienter", AssignAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapPost(Home + "/connexion", SignInAsync).ExcludeFromDescription().DisableAntiforgery()
            .RequireRateLimiting(WorkspaceEndpoints.LinkRateLimit);
        app.MapPost(Home + "/lien", RequestLink).ExcludeFromDescription().DisableAntiforgery()
            .RequireRateLimiting(WorkspaceEndpoints.LinkRateLimit);
        return app;
    }

    private static async Task<ContentHttpResult> QueueAsync(string? jeton, string? ok, string? dossier, HttpResponse response, CaseLinks links,
        DirectorCaseService cases, DialogCatalog catalog, IOptions<CasesOptions> options, CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        if (await links.ValidateAsync(jeton) is not { IsAcademie: true })
        {
            return jeton is null
                ? html.Page(response, catalog.Texts.Get(CaseTexts.EspaceTitreAcademie).Web, SignInBody(html, options.Value, ""))
                : html.Page(response, catalog.Texts.Get(CaseTexts.EspaceLienRefuseTitre).Web,
                    $"<p>{html.T(CaseTexts.EspaceLienRefuse)}</p>" + SignInBody(html, options.Value, ""), StatusCodes.Status403Forbidden);
        }

        var body = new StringBuilder();
        if (ok == "orientee" && dossier is not null && await cases.FindAsync(dossier, cancellationToken) is { School: { } school } assigned)
        {
            body.Append(WorkspaceHtml.Success(html.T(CaseTexts.EspaceOrienteeOk, ("reference", assigned.Reference), ("ecole", school.Name), ("commune", school.Commune ?? ""))));
        }

        body.Append($"<p>{html.T(CaseTexts.EspaceAcademieDe)}</p>");
        var queue = await cases.ListUnroutedAsync(cancellationToken);
        body.Append(queue.Count == 0
            ? $"<p>{html.T(CaseTexts.EspaceAucuneOuverte)}</p>"
            : html.Table(html.T(CaseTexts.EspaceOuvertes), queue,
                c => $"{Home}/dossier/{Uri.EscapeDataString(c.Reference)}?jeton={Uri.EscapeDataString(jeton!)}", academie: true));
        return html.Page(response, catalog.Texts.Get(CaseTexts.EspaceTitreAcademie).Web, body.ToString());
    }

    private static async Task<ContentHttpResult> ShowAsync(string reference, string? jeton, string? q, HttpResponse response, CaseLinks links,
        DirectorCaseService cases, SchoolSearch search, DialogCatalog catalog, CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        if (await links.ValidateAsync(jeton) is not { IsAcademie: true } || await cases.FindWithEventsAsync(reference, cancellationToken) is not { } directorCase)
        {
            return html.Refused(response, Home);
        }

        return await CasePageAsync(html, response, jeton!, directorCase, q ?? directorCase.SchoolGiven, search, "", StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> AssignAsync(string reference, HttpRequest request, CaseLinks links, DirectorCaseService cases,
        SchoolSearch search, CaseDispatcher dispatcher, DialogCatalog catalog, CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        var form = await WorkspaceEndpoints.ReadFormAsync(request, cancellationToken);
        var jeton = form["jeton"].ToString();
        if (await links.ValidateAsync(jeton) is not { IsAcademie: true } || await cases.FindAsync(reference, cancellationToken) is not { } directorCase)
        {
            return html.Refused(request.HttpContext.Response, Home);
        }

        if (!await cases.AssignAsync(reference, form["uai"].ToString(), cancellationToken))
        {
            var current = await cases.FindWithEventsAsync(reference, cancellationToken);
            return await CasePageAsync(html, request.HttpContext.Response, jeton, current!, current!.SchoolGiven, search,
                WorkspaceHtml.Problem(html.T(CaseTexts.EspaceOrientationImpossible)), StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        // The director hears of it now; if the mail fails, the dispatcher sends it at its next poll.
        await dispatcher.RunOnceAsync(directorCase.Id, cancellationToken);
        return TypedResults.Redirect($"{Home}?jeton={Uri.EscapeDataString(jeton)}&ok=orientee&dossier={Uri.EscapeDataString(directorCase.Reference)}");
    }

    private static async Task<IResult> SignInAsync(HttpRequest request, CaseLinks links, DialogCatalog catalog, IOptions<CasesOptions> options,
        CancellationToken cancellationToken)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        var form = await WorkspaceEndpoints.ReadFormAsync(request, cancellationToken);
        if (options.Value.AcademieSecret is { Length: > 0 } secret && SameSecret(form["code"].ToString(), secret))
        {
            return TypedResults.Redirect($"{Home}?jeton={Uri.EscapeDataString(links.Issue(WorkspaceAccess.Academie))}");
        }

        return html.Page(request.HttpContext.Response, catalog.Texts.Get(CaseTexts.EspaceTitreAcademie).Web,
            SignInBody(html, options.Value, WorkspaceHtml.Problem(html.T(CaseTexts.EspaceCodeRefuse))), StatusCodes.Status403Forbidden);
    }

    private static ContentHttpResult RequestLink(HttpResponse response, WorkspaceLinkMailer mailer, DialogCatalog catalog)
    {
        var html = new WorkspaceHtml(catalog.Texts);
        mailer.Request(null);
        return html.Page(response, catalog.Texts.Get(CaseTexts.EspaceTitreAcademie).Web, WorkspaceHtml.Notice(html.T(CaseTexts.EspaceLienAcademieEnvoye)));
    }

    private static async Task<ContentHttpResult> CasePageAsync(WorkspaceHtml html, HttpResponse response, string jeton, DirectorCase directorCase,
        string? query, SchoolSearch search, string notice, int status, CancellationToken cancellationToken)
    {
        var token = WorkspaceHtml.Encode(jeton);
        var body = new StringBuilder(notice);
        body.Append(html.Details(directorCase, withSchoolGiven: true));
        if (directorCase is { Status: DirectorCaseStatus.Open, SchoolId: null })
        {
            var action = $"{Home}/dossier/{Uri.EscapeDataString(directorCase.Reference)}";
            body.Append($"""
                <h2 class="fr-mt-6w">{html.T(CaseTexts.EspaceOrienterTitre)}</h2><p>{html.T(CaseTexts.EspaceOrienterAide)}</p>
                <form method="get" action="{action}" role="search"><input type="hidden" name="jeton" value="{token}">
                {WorkspaceHtml.Input("q", html.T(CaseTexts.EspaceChampRecherche), $"type=\"search\" maxlength=\"200\" value=\"{WorkspaceHtml.Encode(query)}\"")}
                <button class="fr-btn" type="submit">{html.T(CaseTexts.EspaceBoutonChercher)}</button></form>
                """);
            var found = string.IsNullOrWhiteSpace(query) ? [] : await FoundAsync(search, query, cancellationToken);
            if (!string.IsNullOrWhiteSpace(query) && found.Count == 0)
            {
                body.Append($"<p class=\"fr-mt-4w\">{html.T(CaseTexts.EspaceAucunResultat)}</p>");
            }

            if (found.Count > 0)
            {
                body.Append("<ul class=\"fr-raw-list fr-mt-4w\">");
                foreach (var school in found)
                {
                    var id = "orienter-" + school.Uai;
                    body.Append($"""
                        <li class="fr-mb-3w"><form method="post" action="{action}/orienter"><input type="hidden" name="jeton" value="{token}">
                        <input type="hidden" name="uai" value="{WorkspaceHtml.Encode(school.Uai)}">
                        <p class="fr-mb-1w" id="{id}">{WorkspaceHtml.Encode(school.Name)}, {WorkspaceHtml.Encode(school.Commune)} ({WorkspaceHtml.Encode(school.Uai)})</p>
                        <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit" aria-describedby="{id}">{html.T(CaseTexts.EspaceBoutonOrienter)}</button></form></li>
                        """);
                }

                body.Append("</ul>");
            }
        }

        body.Append(html.History(directorCase));
        body.Append($"<p class=\"fr-mt-4w\"><a class=\"fr-link\" href=\"{Home}?jeton={WorkspaceHtml.Encode(Uri.EscapeDataString(jeton))}\">{html.T(CaseTexts.EspaceRetourListe)}</a></p>");
        return html.Page(response, html.Description.Format(CaseTexts.EspaceDossierTitre, ("reference", directorCase.Reference)), body.ToString(), status);
    }

    /// <summary>What the bot would offer for the parent's words, or the schools of the commune they name.</summary>
    private static async Task<IReadOnlyList<SchoolEntry>> FoundAsync(SchoolSearch search, string query, CancellationToken cancellationToken)
    {
        var found = await search.FindAsync(query, cancellationToken);
        if (found.Candidates.Count > 0)
        {
            return [.. found.Candidates.Select(c => c.School)];
        }

        return found.Need == SchoolNeed.Name && await search.FindCommuneAsync(query, cancellationToken) is { } commune
            ? [.. commune.Schools.Take(MaxResults)]
            : [];
    }

    private static string SignInBody(WorkspaceHtml html, CasesOptions options, string problem)
    {
        var days = ("jours", options.LinkLifetimeDays.ToString(CultureInfo.InvariantCulture));
        var body = new StringBuilder(problem);
        body.Append($"<p>{html.T(CaseTexts.EspaceLienAcademieAide, days)}</p>");
        body.Append($"""<form method="post" action="{Home}/lien"><button class="fr-btn" type="submit">{html.T(CaseTexts.EspaceBoutonEnvoyerLienAcademie)}</button></form>""");
        if (options.AcademieSecret is { Length: > 0 })
        {
            body.Append($"""
                <form class="fr-mt-6w" method="post" action="{Home}/connexion">
                {WorkspaceHtml.Input("code", html.T(CaseTexts.EspaceChampCode), "type=\"password\" autocomplete=\"current-password\" required")}
                <button class="fr-btn fr-btn--secondary" type="submit">{html.T(CaseTexts.EspaceBoutonCode)}</button></form>
                """);
        }

        return body.ToString();
    }

    private static bool SameSecret(string given, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
