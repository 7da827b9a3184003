using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.PasswordReset;

/// <summary>
/// The page the reset e-mail links to: a form enforcing EduConnect's password rule, and a clear message when the link
/// is expired, already used or unknown. The token is the only credential, so the form carries it (no cookie, no antiforgery).
/// </summary>
internal static class PasswordResetEndpoints
{
    public static IEndpointRouteBuilder MapPasswordReset(this IEndpointRouteBuilder app)
    {
        app.MapGet(SendResetLinkAction.ResetPath, ShowAsync).ExcludeFromDescription();
        app.MapPost(SendResetLinkAction.ResetPath, SubmitAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<ContentHttpResult> ShowAsync(string? jeton, HttpResponse response, PasswordResetService resets,
        DialogCatalog catalog, CancellationToken cancellationToken)
    {
        NoStore(response);
        var state = await resets.InspectAsync(jeton, cancellationToken);
        return state == ResetTokenState.Valid ? Form(catalog.Texts, jeton!, []) : Refused(catalog.Texts, state);
    }

    private static async Task<ContentHttpResult> SubmitAsync(HttpRequest request, PasswordResetService resets, DialogCatalog catalog,
        CancellationToken cancellationToken)
    {
        NoStore(request.HttpContext.Response);
        var texts = catalog.Texts;
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var token = form["jeton"].ToString();
        var password = form["motdepasse"].ToString();
        var state = await resets.InspectAsync(token, cancellationToken);
        if (state != ResetTokenState.Valid)
        {
            return Refused(texts, state);
        }

        if (password != form["confirmation"].ToString())
        {
            return Form(texts, token, [texts.Get(SystemTexts.PageConfirmationMismatch).Web], StatusCodes.Status422UnprocessableEntity);
        }

        var result = await resets.ResetAsync(token, password, cancellationToken);
        if (result.Succeeded)
        {
            return Page(texts, $"<p class=\"succes\">{Encode(texts.Get(SystemTexts.PageSuccess).Web)}</p>", StatusCodes.Status200OK);
        }

        return result.TokenState == ResetTokenState.Valid
            ? Form(texts, token, result.PasswordProblems, StatusCodes.Status422UnprocessableEntity)
            : Refused(texts, result.TokenState);
    }

    private static ContentHttpResult Form(TextCatalog texts, string token, IReadOnlyList<string> problems, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        if (problems.Count > 0)
        {
            html.Append("<ul class=\"erreurs\" role=\"alert\">");
            foreach (var problem in problems)
            {
                html.Append("<li>").Append(Encode(problem)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append($"<p>{Encode(texts.Get(SystemTexts.PageRules).Web)}</p>")
            .Append($"<form method=\"post\" action=\"{SendResetLinkAction.ResetPath}\">")
            .Append($"<input type=\"hidden\" name=\"jeton\" value=\"{Encode(token)}\">")
            .Append($"<p><label for=\"motdepasse\">{Encode(texts.Get(SystemTexts.PagePasswordField).Web)}</label><br>")
            .Append($"<input id=\"motdepasse\" name=\"motdepasse\" type=\"password\" minlength=\"{PasswordPolicy.MinLength}\" maxlength=\"{PasswordPolicy.MaxLength}\" autocomplete=\"new-password\" required></p>")
            .Append($"<p><label for=\"confirmation\">{Encode(texts.Get(SystemTexts.PageConfirmationField).Web)}</label><br>")
            .Append($"<input id=\"confirmation\" name=\"confirmation\" type=\"password\" autocomplete=\"new-password\" required></p>")
            .Append($"<p><button type=\"submit\">{Encode(texts.Get(SystemTexts.PageButton).Web)}</button></p></form>");
        return Page(texts, html.ToString(), status);
    }

    private static ContentHttpResult Refused(TextCatalog texts, ResetTokenState state)
    {
        var (name, status) = state switch
        {
            ResetTokenState.Expired => (SystemTexts.PageExpired, StatusCodes.Status410Gone),
            ResetTokenState.Used => (SystemTexts.PageUsed, StatusCodes.Status410Gone),
            _ => (SystemTexts.PageUnknown, StatusCodes.Status404NotFound),
        };
        return Page(texts, $"<p class=\"refus\">{Encode(texts.Get(name).Web)}</p>", status);
    }

    private static ContentHttpResult Page(TextCatalog texts, string body, int status)
    {
        var title = Encode(texts.Get(SystemTexts.PageTitle).Web);
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><title>{title}</title></head>
            <body><main><h1>{title}</h1>{body}</main></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The page's address holds the token: keep it out of caches and of the Referer sent to other sites.</summary>
    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
