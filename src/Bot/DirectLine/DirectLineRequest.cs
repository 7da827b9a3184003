using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.AccountDirectory.Channels;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.DirectLine;

/// <summary>What the Direct Line handlers read from a request: its bearer, its JSON body, the conversation its token opens, its URLs.</summary>
internal static class DirectLineRequest
{
    private const int MaxBodyBytes = 64 * 1024;

    public static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <param name="optional">An absent body is then no error (null).</param>
    public static async Task<(JsonNode? Json, JsonHttpResult<DirectLineError>? Error)> ReadJsonAsync(HttpContext context, bool optional,
        CancellationToken cancellationToken)
    {
        var body = await IncomingJson.ReadAsync(context.Request, MaxBodyBytes, optional, cancellationToken);
        return body.Problem is { } problem ? (null, DirectLineError.Result(problem.Status, problem.Code, problem.Message)) : (body.Json, null);
    }

    /// <summary>
    /// The conversation the request may use: any with the secret, else only the one its token was issued for.
    /// <paramref name="token"/> replaces the bearer where the client cannot send headers (the WebSocket's <c>t</c>).
    /// </summary>
    public static async Task<(ChannelConversation? Conversation, JsonHttpResult<DirectLineError>? Error)> AuthorizeAsync(HttpContext context,
        string conversationId, DirectLineTokenService tokens, IDirectLineConversationStore store, CancellationToken cancellationToken, string? token = null)
    {
        token ??= Bearer(context);
        if (!tokens.IsSecret(token))
        {
            var check = await tokens.ValidateAsync(token);
            if (check.Check != TokenCheck.Valid)
            {
                return (null, DirectLineError.Token(check.Check));
            }

            if (!string.Equals(check.ConversationId, conversationId, StringComparison.Ordinal))
            {
                return (null, DirectLineError.Result(403, "BadArgument", "This token is not valid for this conversation."));
            }
        }

        var conversation = await store.FindAsync(conversationId, cancellationToken);
        return conversation is null ? (null, DirectLineError.NotFound()) : (conversation, null);
    }

    /// <summary>The conversation POST /conversations starts: a new one with the secret, else the one the token was issued for.</summary>
    public static async Task<(ChannelConversation? Conversation, JsonHttpResult<DirectLineError>? Error)> OpenAsync(HttpContext context,
        DirectLineTokenService tokens, IDirectLineConversationStore store, CancellationToken cancellationToken)
    {
        var bearer = Bearer(context);
        if (tokens.IsSecret(bearer))
        {
            return (await store.CreateAsync(DirectLineAdapter.NewUserId(), cancellationToken), null);
        }

        var check = await tokens.ValidateAsync(bearer);
        if (check.Check != TokenCheck.Valid)
        {
            return (null, DirectLineError.Token(check.Check));
        }

        var conversation = await store.FindAsync(check.ConversationId!, cancellationToken);
        return conversation is null ? (null, DirectLineError.NotFound()) : (conversation, null);
    }

    public static string ServiceUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";

    public static string StreamUrl(HttpContext context, string conversationId, string token, string? watermark)
    {
        var scheme = context.Request.IsHttps ? "wss" : "ws";
        var url = new StringBuilder($"{scheme}://{context.Request.Host}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}");
        if (!string.IsNullOrEmpty(watermark))
        {
            url.Append("&watermark=").Append(Uri.EscapeDataString(watermark));
        }

        return url.ToString();
    }
}
