using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Channels;
using SupportBot.AccountDirectory.Data;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Direct Line 3.0 as Microsoft Web Chat (botframework-directlinejs) speaks it, served by SupportBot itself:
/// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-api-reference
/// </summary>
internal static class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";
    public const string TokenRateLimit = "DirectLineToken";
    private const int MaxBodyBytes = 64 * 1024;

    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section)
            .Configure<IOptions<DataOptions>>((o, data) => o.KeyFile = data.Value.Resolve(o.KeyFile, "directline-signing.key"))
            .ValidateDataAnnotations()
            .Validate(o => IsRedisConfiguration(o.Redis), "DirectLine:Redis is not a StackExchange.Redis configuration string (host:port[,password=...]).")
            .ValidateOnStart();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineConversationStore>();
        services.AddSingleton<DirectLineBroadcaster>();
        services.AddSingleton<DirectLineRedisBackplane>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectLineRedisBackplane>());
        services.AddSingleton<ConversationGate>();
        services.AddSingleton<ConversationTurnLease>();
        services.AddScoped<DirectLineTurns>();
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, _ => { }));
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<DirectLineOptions>>((cors, directLine) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(directLine.Value.AllowedOrigins)

                // What Web Chat 4.18's DirectLineJS sends (botframework-directlinejs/lib/directLine.js: commonHeaders
                // and the ajax calls): Authorization, Content-Type: application/json and x-ms-bot-agent on its own, and
                // X-Requested-With, which RxJS's ajax adds to every request not marked crossDomain. The cross-origin
                // browser test (CrossOriginEmbeddingTests) fails on any header missing here.
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent", "X-Requested-With")
                .WithMethods("GET", "POST")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(TokenRateLimit, context =>
            {
                // A site's server holding the secret exchanges it for its parents' tokens, all from its one address.
                if (context.RequestServices.GetRequiredService<DirectLineTokenService>().IsSecret(Bearer(context)))
                {
                    return RateLimitPartition.GetNoLimiter("secret");
                }

                var perMinute = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        // Both token endpoints open a conversation: one client address gets a few a minute (Retry-After on the 429).
        group.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(TokenRateLimit);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.Map("/conversations/{conversationId}/stream", StreamAsync);

        // The help page's back end: what a site does with Azure, exchanging the secret for a token server-side.
        app.MapPost("/api/directline/token", PageTokenAsync).RequireCors(CorsPolicy).RequireRateLimiting(TokenRateLimit);
        return app;
    }

    private static async Task<IResult> GenerateTokenAsync(HttpContext context, DirectLineTokenService tokens,
        DirectLineConversationStore store, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (options.Value.Secret is { Length: > 0 } && !tokens.IsSecret(Bearer(context)))
        {
            return Bearer(context) is null
                ? DirectLineError.Result(401, "Unauthorized", "Authorization: Bearer <secret> is required.")
                : DirectLineError.Result(403, "Forbidden", "The secret is not valid.");
        }

        var body = await ReadJsonAsync(context, optional: true, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (body.Json is not (null or JsonObject) || body.Json?["user"] is not (null or JsonObject))
        {
            return DirectLineError.Result(400, "BadArgument", "The body must be a JSON object, its user an object: {\"user\":{\"id\":\"...\"}}.");
        }

        var requestedUser = body.Json?["user"]?["id"];
        string userId;
        if (requestedUser is null)
        {
            userId = NewUserId();
        }
        else if (requestedUser.GetValueKind() != JsonValueKind.String || !IsValidUserId(requestedUser.GetValue<string>()))
        {
            return DirectLineError.Result(400, "BadArgument", "user.id must be 1 to 64 letters, digits or _-:.");
        }
        else
        {
            userId = requestedUser.GetValue<string>();
        }

        var conversation = await store.CreateAsync(userId, cancellationToken);
        var token = tokens.Issue(conversation.Id, userId);
        return TypedResults.Ok(new DirectLineConversationResponse(token.ConversationId, token.Token, token.ExpiresIn));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext context, DirectLineTokenService tokens)
    {
        var check = await tokens.ValidateAsync(Bearer(context));
        if (check.Check != TokenCheck.Valid)
        {
            return TokenError(check.Check);
        }

        var token = tokens.Issue(check.ConversationId!, check.UserId!);
        return TypedResults.Ok(new DirectLineConversationResponse(token.ConversationId, token.Token, token.ExpiresIn));
    }

    private static async Task<IResult> StartConversationAsync(HttpContext context, DirectLineTokenService tokens,
        DirectLineConversationStore store, DirectLineTurns turns, CancellationToken cancellationToken)
    {
        var bearer = Bearer(context);
        ChannelConversation? conversation;
        if (tokens.IsSecret(bearer))
        {
            conversation = await store.CreateAsync(NewUserId(), cancellationToken);
        }
        else
        {
            var check = await tokens.ValidateAsync(bearer);
            if (check.Check != TokenCheck.Valid)
            {
                return TokenError(check.Check);
            }

            conversation = await store.FindAsync(check.ConversationId!, cancellationToken);
            if (conversation is null)
            {
                return DirectLineError.Result(404, "NotFound", "Conversation not found.");
            }
        }

        var token = tokens.Issue(conversation.Id, conversation.UserId);
        var response = new DirectLineConversationResponse(conversation.Id, token.Token, token.ExpiresIn,
            StreamUrl(context, conversation.Id, token.Token, watermark: null));
        if (conversation.LastSequence > 0)
        {
            return TypedResults.Ok(response);
        }

        try
        {
            await turns.StartAsync(conversation.Id, conversation.UserId, ServiceUrl(context), cancellationToken);
        }
        catch (ConversationBusyException e)
        {
            return Busy(context, e);
        }

        return TypedResults.Created($"/v3/directline/conversations/{conversation.Id}", response);
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext context,
        DirectLineTokenService tokens, DirectLineConversationStore store, CancellationToken cancellationToken)
    {
        var (conversation, error) = await AuthorizeAsync(context, conversationId, tokens, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var token = tokens.Issue(conversation!.Id, conversation.UserId);
        return TypedResults.Ok(new DirectLineConversationResponse(conversation.Id, token.Token, token.ExpiresIn,
            StreamUrl(context, conversation.Id, token.Token, watermark)));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, DirectLineTokenService tokens,
        DirectLineConversationStore store, DirectLineTurns turns, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (conversation, error) = await AuthorizeAsync(context, conversationId, tokens, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var body = await ReadJsonAsync(context, optional: false, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (DirectLineActivityCheck.Problem(body.Json, options.Value.MaxTextLength) is { } problem)
        {
            return problem;
        }

        try
        {
            var id = await turns.PostAsync(conversation!.Id, conversation.UserId, (JsonObject)body.Json!, ServiceUrl(context), cancellationToken,
                context.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Ok(new JsonObject { ["id"] = id });
        }
        catch (ConversationBusyException e)
        {
            return Busy(context, e);
        }
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext context,
        DirectLineTokenService tokens, DirectLineConversationStore store, CancellationToken cancellationToken)
    {
        var (conversation, error) = await AuthorizeAsync(context, conversationId, tokens, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (activities, newWatermark) = await store.ReadAsync(conversation!.Id, DirectLineConversationStore.ParseWatermark(watermark), cancellationToken);
        return TypedResults.Ok(ActivitySet(activities, newWatermark));
    }

    private static async Task StreamAsync(string conversationId, HttpContext context, DirectLineTokenService tokens,
        DirectLineConversationStore store, DirectLineBroadcaster broadcaster, IOptions<DirectLineOptions> options)
    {
        var (conversation, error) = await AuthorizeAsync(context, conversationId, tokens, store, context.RequestAborted,
            context.Request.Query["t"].FirstOrDefault());
        if (error is not null)
        {
            await error.ExecuteAsync(context);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineError.Result(400, "BadArgument", "This URL takes a WebSocket connection.").ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var (subscription, signals) = broadcaster.Subscribe(conversation!.Id);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var receiving = DrainUntilClosedAsync(socket, closed);
        try
        {
            var watermark = DirectLineConversationStore.ParseWatermark(context.Request.Query["watermark"].FirstOrDefault());
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var (activities, newWatermark) = await store.ReadAsync(conversation.Id, watermark, closed.Token);
                if (activities.Count > 0)
                {
                    var payload = JsonSerializer.SerializeToUtf8Bytes(ActivitySet(activities, newWatermark));
                    await socket.SendAsync(payload, WebSocketMessageType.Text, true, closed.Token);
                    watermark = newWatermark;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(closed.Token);
                wait.CancelAfter(TimeSpan.FromSeconds(options.Value.StreamPollSeconds));
                try
                {
                    await signals.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                {
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            broadcaster.Unsubscribe(conversation.Id, subscription);
            await closed.CancelAsync();
            await receiving;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// A token for a new conversation; or, when the page presents the token it held (even expired, within
    /// <see cref="DirectLineOptions.ResumeWindowHours"/>), a new token for that same conversation (<c>resumed</c>).
    /// </summary>
    private static async Task<IResult> PageTokenAsync(HttpContext context, DirectLineTokenService tokens, DirectLineConversationStore store,
        CancellationToken cancellationToken)
    {
        // The help page posts no body; a body, when there is one, is an object whose members are ignored.
        var body = await ReadJsonAsync(context, optional: true, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (body.Json is not (null or JsonObject))
        {
            return DirectLineError.Result(400, "BadArgument", "The body, when there is one, must be a JSON object.");
        }

        var previous = await tokens.ValidateForResumeAsync(Bearer(context));
        var conversation = previous is { Check: TokenCheck.Valid, ConversationId: { } id } ? await store.FindAsync(id, cancellationToken) : null;
        var resumed = conversation is not null && conversation.UserId == previous.UserId;
        if (!resumed)
        {
            conversation = await store.CreateAsync(NewUserId(), cancellationToken);
        }

        var token = tokens.Issue(conversation!.Id, conversation.UserId);
        return TypedResults.Ok(new JsonObject
        {
            ["conversationId"] = token.ConversationId,
            ["token"] = token.Token,
            ["expires_in"] = token.ExpiresIn,
            ["userId"] = conversation.UserId,
            ["resumed"] = resumed,
        });
    }

    private static async Task<(ChannelConversation? Conversation, IResult? Error)> AuthorizeAsync(HttpContext context, string conversationId,
        DirectLineTokenService tokens, DirectLineConversationStore store, CancellationToken cancellationToken, string? token = null)
    {
        token ??= Bearer(context);
        if (!tokens.IsSecret(token))
        {
            var check = await tokens.ValidateAsync(token);
            if (check.Check != TokenCheck.Valid)
            {
                return (null, TokenError(check.Check));
            }

            if (!string.Equals(check.ConversationId, conversationId, StringComparison.Ordinal))
            {
                return (null, DirectLineError.Result(403, "BadArgument", "This token is not valid for this conversation."));
            }
        }

        var conversation = await store.FindAsync(conversationId, cancellationToken);
        return conversation is null
            ? (null, DirectLineError.Result(404, "NotFound", "Conversation not found."))
            : (conversation, null);
    }

    private static async Task<(JsonNode? Json, IResult? Error)> ReadJsonAsync(HttpContext context, bool optional, CancellationToken cancellationToken)
    {
        var body = await IncomingJson.ReadAsync(context.Request, MaxBodyBytes, optional, cancellationToken);
        return body.Problem is { } problem ? (null, DirectLineError.Result(problem.Status, problem.Code, problem.Message)) : (body.Json, null);
    }

    private static async Task DrainUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }

    /// <summary>The previous turn of the conversation outlasted the wait (a crashed instance's hold not yet lapsed): retry later.</summary>
    private static IResult Busy(HttpContext context, ConversationBusyException busy)
    {
        context.Response.Headers.RetryAfter = "5";
        return DirectLineError.Result(503, "ServiceUnavailable",
            $"The conversation is still busy with a previous message after {busy.WaitedSeconds} s; send it again in a few seconds.");
    }

    private static IResult TokenError(TokenCheck check) => check switch
    {
        TokenCheck.Missing => DirectLineError.Result(401, "Unauthorized", "Authorization: Bearer <token> is required."),
        TokenCheck.Expired => DirectLineError.Result(403, "TokenExpired", "Token expired."),
        _ => DirectLineError.Result(403, "BadArgument", "The token is not valid."),
    };

    private static JsonObject ActivitySet(IReadOnlyList<JsonObject> activities, int watermark) => new()
    {
        ["activities"] = new JsonArray([.. activities]),
        ["watermark"] = watermark.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private static string ServiceUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";

    private static string StreamUrl(HttpContext context, string conversationId, string token, string? watermark)
    {
        var scheme = context.Request.IsHttps ? "wss" : "ws";
        var url = new StringBuilder($"{scheme}://{context.Request.Host}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}");
        if (!string.IsNullOrEmpty(watermark))
        {
            url.Append("&watermark=").Append(Uri.EscapeDataString(watermark));
        }

        return url.ToString();
    }

    private static bool IsRedisConfiguration(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return true;
        }

        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string NewUserId() => "dl_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    private static bool IsValidUserId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.');
}
