using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static SupportBot.Bot.DirectLine.DirectLineServiceCollectionExtensions;

namespace SupportBot.Bot.DirectLine;

/// <summary>Direct Line's tokens: for a site's server holding the secret, for Web Chat refreshing its own, and for the help page.</summary>
internal static class DirectLineTokenEndpoints
{
    public static RouteGroupBuilder MapDirectLineTokens(this RouteGroupBuilder group, IEndpointRouteBuilder app)
    {
        // Both token endpoints open a conversation: one client address gets a few a minute (Retry-After on the 429).
        group.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(TokenRateLimit);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);

        // The help page's back end: what a site does with Azure, exchanging the secret for a token server-side.
        app.MapPost("/api/directline/token", PageTokenAsync).RequireCors(CorsPolicy).RequireRateLimiting(TokenRateLimit);
        return group;
    }

    private static async Task<Results<Ok<DirectLineConversationResponse>, JsonHttpResult<DirectLineError>>> GenerateTokenAsync(HttpContext context,
        DirectLineTokenService tokens, IDirectLineConversationStore store, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var bearer = DirectLineRequest.Bearer(context);
        if (options.Value.Secret is { Length: > 0 } && !tokens.IsSecret(bearer))
        {
            return bearer is null
                ? DirectLineError.Result(401, "Unauthorized", "Authorization: Bearer <secret> is required.")
                : DirectLineError.Result(403, "Forbidden", "The secret is not valid.");
        }

        var body = await DirectLineRequest.ReadJsonAsync(context, optional: true, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var (userId, problem) = DirectLineAdapter.RequestedUser(body.Json);
        if (problem is not null)
        {
            return DirectLineError.Result(400, "BadArgument", problem);
        }

        var conversation = await store.CreateAsync(userId!, cancellationToken);
        var token = tokens.Issue(conversation.Id, userId!);
        return TypedResults.Ok(new DirectLineConversationResponse(token.ConversationId, token.Token, token.ExpiresIn));
    }

    private static async Task<Results<Ok<DirectLineConversationResponse>, JsonHttpResult<DirectLineError>>> RefreshTokenAsync(HttpContext context,
        DirectLineTokenService tokens)
    {
        var check = await tokens.ValidateAsync(DirectLineRequest.Bearer(context));
        if (check.Check != TokenCheck.Valid)
        {
            return DirectLineError.Token(check.Check);
        }

        var token = tokens.Issue(check.ConversationId!, check.UserId!);
        return TypedResults.Ok(new DirectLineConversationResponse(token.ConversationId, token.Token, token.ExpiresIn));
    }

    /// <summary>
    /// A token for a new conversation; or, when the page presents the token it held (even expired, within
    /// <see cref="DirectLineOptions.ResumeWindowHours"/>), a new token for that same conversation (<c>resumed</c>).
    /// </summary>
    private static async Task<Results<Ok<DirectLinePageToken>, JsonHttpResult<DirectLineError>>> PageTokenAsync(HttpContext context,
        DirectLineTokenService tokens, IDirectLineConversationStore store, CancellationToken cancellationToken)
    {
        // The help page posts no body; a body, when there is one, is an object whose members are ignored.
        var body = await DirectLineRequest.ReadJsonAsync(context, optional: true, cancellationToken);
        if (body.Error is not null || body.Json is not (null or System.Text.Json.Nodes.JsonObject))
        {
            return body.Error ?? DirectLineError.Result(400, "BadArgument", "The body, when there is one, must be a JSON object.");
        }

        var previous = await tokens.ValidateForResumeAsync(DirectLineRequest.Bearer(context));
        var conversation = previous is { Check: TokenCheck.Valid, ConversationId: { } id } ? await store.FindAsync(id, cancellationToken) : null;
        var resumed = conversation is not null && conversation.UserId == previous.UserId;
        if (!resumed)
        {
            conversation = await store.CreateAsync(DirectLineAdapter.NewUserId(), cancellationToken);
        }

        var token = tokens.Issue(conversation!.Id, conversation.UserId);
        return TypedResults.Ok(new DirectLinePageToken(token.ConversationId, token.Token, token.ExpiresIn, conversation.UserId, resumed));
    }
}
