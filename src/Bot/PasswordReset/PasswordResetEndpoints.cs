using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Limits;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Security;
using SupportBot.Bot.Site;

namespace SupportBot.Bot.PasswordReset;

/// <summary>
/// The page the reset e-mail links to: a form enforcing EduConnect's password rule, and a clear message when the link
/// is expired, already used or unknown. The token is the only credential, so the form carries it (no cookie, no antiforgery).
/// Every request is a guess of a token (or a password hashed against one): they are limited per client address
/// (<see cref="PasswordResetPageOptions"/>), counted in the directory's database, answered past it with 429, Retry-After
/// and a page saying when to come back.
/// </summary>
internal static class PasswordResetEndpoints
{
    private const string PasswordField = "motdepasse";
    private const string ConfirmationField = "confirmation";

    // The form has three short fields (the token, the password twice): anything much larger is not from this page.
    private const int MaxFormBytes = 8 * 1024;
    private const int MaxFormFields = 8;

    public static IServiceCollection AddPasswordResetPage(this IServiceCollection services)
    {
        services.AddOptions<PasswordResetPageOptions>().BindConfiguration(PasswordResetPageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapPasswordReset(this IEndpointRouteBuilder app)
    {
        app.MapGet(SendResetLinkAction.ResetPath, ShowAsync).ExcludeFromDescription();
        app.MapPost(SendResetLinkAction.ResetPath, SubmitAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<ContentHttpResult> ShowAsync(string? jeton, HttpContext context, PasswordResetService resets,
        DialogCatalog catalog, CancellationToken cancellationToken)
    {
        var response = context.Response;
        SiteLayout.KeepPrivate(response);
        if (await RefusedAsync(context, cancellationToken) is { } wait)
        {
            return TooManyAttempts(catalog.Texts, response, wait);
        }

        var state = await resets.InspectAsync(jeton, cancellationToken);
        return state == ResetTokenState.Valid ? Form(catalog.Texts, jeton!, [], null) : Refused(catalog.Texts, state);
    }

    private static async Task<ContentHttpResult> SubmitAsync(HttpRequest request, PasswordResetService resets, DialogCatalog catalog,
        CancellationToken cancellationToken)
    {
        SiteLayout.KeepPrivate(request.HttpContext.Response);
        var texts = catalog.Texts;
        if (await RefusedAsync(request.HttpContext, cancellationToken) is { } wait)
        {
            return TooManyAttempts(texts, request.HttpContext.Response, wait);
        }

        var posted = await PostedForm.ReadAsync(request, MaxFormBytes, MaxFormFields, cancellationToken);
        if (posted.Form is not { } form)
        {
            return Page(texts, $"""
                <div class="fr-alert fr-alert--error" role="alert"><h2 class="fr-alert__title">{T(texts, SystemTexts.PageProblemsTitle)}</h2><p>{T(texts, SystemTexts.PageUnreadableForm)}</p></div>
                """, posted.Status, failed: true);
        }

        var token = form["jeton"].ToString();
        var password = form["motdepasse"].ToString();
        var state = await resets.InspectAsync(token, cancellationToken);
        if (state != ResetTokenState.Valid)
        {
            return Refused(texts, state);
        }

        if (password != form["confirmation"].ToString())
        {
            return Form(texts, token, [], texts.Get(SystemTexts.PageConfirmationMismatch).Web, StatusCodes.Status422UnprocessableEntity);
        }

        var result = await resets.ResetAsync(token, password, cancellationToken);
        if (result.Succeeded)
        {
            return Page(texts, $"""
                <div class="fr-alert fr-alert--success" role="status">
                <h2 class="fr-alert__title">{T(texts, SystemTexts.PageSuccessTitle)}</h2><p>{T(texts, SystemTexts.PageSuccess)}</p>
                </div>
                """, StatusCodes.Status200OK);
        }

        return result.TokenState == ResetTokenState.Valid
            ? Form(texts, token, result.PasswordProblems, null, StatusCodes.Status422UnprocessableEntity)
            : Refused(texts, result.TokenState);
    }

    /// <summary>
    /// The form; after a refusal, each problem under its field (DSFR error state, tied by aria-describedby) and listed
    /// in a summary above the form whose links lead to the fields.
    /// </summary>
    private static ContentHttpResult Form(TextCatalog texts, string token, IReadOnlyList<string> passwordProblems, string? confirmationProblem,
        int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        var failed = passwordProblems.Count > 0 || confirmationProblem is not null;
        if (failed)
        {
            html.Append($"""<div class="fr-alert fr-alert--error fr-mb-4w" role="alert"><h2 class="fr-alert__title">{T(texts, SystemTexts.PageProblemsTitle)}</h2><ul>""");
            foreach (var problem in passwordProblems)
            {
                html.Append($"""<li><a href="#{PasswordField}">{Html.Encode(problem)}</a></li>""");
            }

            if (confirmationProblem is not null)
            {
                html.Append($"""<li><a href="#{ConfirmationField}">{Html.Encode(confirmationProblem)}</a></li>""");
            }

            html.Append("</ul></div>");
        }

        html.Append($"""
            <form method="post" action="{SendResetLinkAction.ResetPath}">
            <input type="hidden" name="jeton" value="{Html.Encode(token)}">
            {Field(PasswordField, T(texts, SystemTexts.PagePasswordField), T(texts, SystemTexts.PageRules), passwordProblems,
                $"""minlength="{PasswordPolicy.MinLength}" maxlength="{PasswordPolicy.MaxLength}" """)}
            {Field(ConfirmationField, T(texts, SystemTexts.PageConfirmationField), null, confirmationProblem is null ? [] : [confirmationProblem], "")}
            <button class="fr-btn" type="submit">{T(texts, SystemTexts.PageButton)}</button>
            </form>
            """);
        return Page(texts, html.ToString(), status, failed);
    }

    private static string Field(string id, string label, string? hint, IReadOnlyList<string> problems, string attributes)
    {
        var hintHtml = hint is null ? "" : $"""<span class="fr-hint-text" id="{id}-aide">{hint}</span>""";
        if (problems.Count == 0)
        {
            return $"""
                <div class="fr-input-group"><label class="fr-label" for="{id}">{label}{hintHtml}</label>
                <input class="fr-input" id="{id}" name="{id}" type="password" autocomplete="new-password" required {attributes}></div>
                """;
        }

        var errors = string.Concat(problems.Select(p => $"""<p class="fr-error-text">{Html.Encode(p)}</p>"""));
        return $"""
            <div class="fr-input-group fr-input-group--error"><label class="fr-label" for="{id}">{label}{hintHtml}</label>
            <input class="fr-input fr-input--error" id="{id}" name="{id}" type="password" autocomplete="new-password" required {attributes}aria-invalid="true" aria-describedby="{id}-erreur">
            <div id="{id}-erreur">{errors}</div></div>
            """;
    }

    private static ContentHttpResult Refused(TextCatalog texts, ResetTokenState state)
    {
        var (name, status) = state switch
        {
            ResetTokenState.Expired => (SystemTexts.PageExpired, StatusCodes.Status410Gone),
            ResetTokenState.Used => (SystemTexts.PageUsed, StatusCodes.Status410Gone),
            _ => (SystemTexts.PageUnknown, StatusCodes.Status404NotFound),
        };
        return Page(texts, $"""
            <div class="fr-alert fr-alert--warning"><h2 class="fr-alert__title">{T(texts, SystemTexts.PageRefusedTitle)}</h2><p>{T(texts, name)}</p></div>
            <p class="fr-mt-4w"><a class="fr-link" href="/">{T(texts, SystemTexts.PageBackToAssistant)}</a></p>
            """, status);
    }

    /// <summary>Counts the request against its client address; how long to wait when the address has made too many.</summary>
    private static async Task<TimeSpan?> RefusedAsync(HttpContext context, CancellationToken cancellationToken)
    {
        const string Limit = "reinitialisation-client";
        var services = context.RequestServices;
        if (services.GetRequiredService<CaseLinks>().RequesterKey(Limit, context.Connection.RemoteIpAddress?.ToString()) is not { } client)
        {
            return null;
        }

        var options = services.GetRequiredService<IOptions<PasswordResetPageOptions>>().Value;
        var decision = await services.GetRequiredService<RateLimitCounters>().TryTakeAsync(Limit + ":" + client, options.AttemptsPerClientAddress,
            TimeSpan.FromMinutes(options.AttemptWindowMinutes), cancellationToken);
        return decision.Allowed ? null : decision.RetryAfter;
    }

    private static ContentHttpResult TooManyAttempts(TextCatalog texts, HttpResponse response, TimeSpan wait)
    {
        RetryAfter.Set(response, wait);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        var text = Html.Encode(texts.Get(SystemTexts.PageTooManyAttempts).Format(new Dictionary<string, string> { ["minutes"] = minutes }).Web);
        return Page(texts, $"""
            <div class="fr-alert fr-alert--warning" role="alert"><h2 class="fr-alert__title">{T(texts, SystemTexts.PageTooManyAttemptsTitle)}</h2><p>{text}</p></div>
            """, StatusCodes.Status429TooManyRequests);
    }

    private static ContentHttpResult Page(TextCatalog texts, string body, int status, bool failed = false)
    {
        var title = T(texts, SystemTexts.PageTitle);
        // RGAA 11.10: a page showing input errors says so in its title.
        var documentTitle = failed ? $"{T(texts, SystemTexts.PageError)} – {title}" : title;
        return SiteLayout.Page(documentTitle, $"<h1>{title}</h1>{body}", status);
    }

    private static string T(TextCatalog texts, string name) => Html.Encode(texts.Get(name).Web);
}
