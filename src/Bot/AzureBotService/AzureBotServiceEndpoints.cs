using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SupportBot.Bot.Conversations;
using SupportBot.Bot.Dialogs.Activities;

namespace SupportBot.Bot.AzureBotService;

/// <summary>
/// /api/messages as Azure Bot Service calls it: a Bot Framework activity with a channel JWT (issuer api.botframework.com,
/// audience = our Microsoft App ID, keys from the OpenID metadata, 5 minutes of clock skew); replies go back through
/// the Connector REST API. https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
/// </summary>
internal static class AzureBotServiceEndpoints
{
    public const string Scheme = "AzureBotService";
    private const int MaxBodyBytes = 256 * 1024;

    // The conversation's and the sender's state are keyed "channelId/id" in columns of 200 characters.
    private const int MaxChannelIdLength = 32;
    private const int MaxIdLength = 160;

    public static IServiceCollection AddAzureBotService(this IServiceCollection services)
    {
        services.AddOptions<AzureBotServiceOptions>().BindConfiguration(AzureBotServiceOptions.Section).ValidateOnStart();
        // One instance, so that the connector token is cached across turns; its HttpClient comes from the factory.
        services.AddHttpClient(nameof(ConnectorClient));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConnectorClient>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient))));
        // Not the default scheme, although it is the only one: otherwise the authentication middleware (which
        // WebApplication adds by itself) would try every request's Bearer, Direct Line tokens included, against
        // Azure's OpenID metadata: a network call before each of the help page's turns. The endpoint's policy names it.
        // https://learn.microsoft.com/aspnet/core/security/authentication/#defaultscheme
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<AzureBotServiceOptions>>((jwt, azure) =>
        {
            var settings = azure.Value;
            jwt.MetadataAddress = settings.OpenIdMetadataUrl;
            jwt.RequireHttpsMetadata = settings.OpenIdMetadataUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.TokenIssuer,
                ValidAudience = settings.MicrosoftAppId,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(5),
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Scheme, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static WebApplication MapAzureBotService(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AzureBotServiceOptions>>().Value.IsEnabled)
        {
            app.MapPost("/api/messages", ReceiveAsync).RequireAuthorization(Scheme);
        }

        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, IConversationBot bot, ConnectorClient connector, CancellationToken cancellationToken)
    {
        var body = await IncomingJson.ReadAsync(context.Request, MaxBodyBytes, optional: false, cancellationToken);
        if (body.Problem is { } unreadable)
        {
            return TypedResults.Problem(unreadable.Message, statusCode: unreadable.Status, title: unreadable.Code);
        }

        var activity = body.Json as JsonObject;
        var serviceUrl = Text(activity?["serviceUrl"]);
        var conversationId = Text((activity?["conversation"] as JsonObject)?["id"]);
        var activityId = Text(activity?["id"]);
        if (activity is null || Text(activity["type"]) is null || Text(activity["channelId"]) is not { Length: <= MaxChannelIdLength }
            || serviceUrl is null || conversationId is null || activityId is null)
        {
            return TypedResults.Problem(
                $"The activity needs type, id, channelId (at most {MaxChannelIdLength} characters), serviceUrl and conversation.id, as strings.", statusCode: 400);
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service) || service.Scheme is not ("https" or "http"))
        {
            return TypedResults.Problem("serviceUrl must be an absolute http(s) URL.", statusCode: 400);
        }

        if (conversationId.Length > MaxIdLength || activityId.Length > MaxIdLength || Text((activity["from"] as JsonObject)?["id"])?.Length > MaxIdLength)
        {
            return TypedResults.Problem($"id, conversation.id and from.id are at most {MaxIdLength} characters.", statusCode: 400);
        }

        if (ActivityJson.Problem(activity) is { } problem)
        {
            return TypedResults.Problem($"The activity does not fit the Bot Framework schema: {problem}", statusCode: 400);
        }

        // The channel's token names the serviceUrl it may be answered at: a token for one channel cannot send our
        // replies (and the parent's data) to another address.
        var allowed = context.User.FindFirst("serviceurl")?.Value;
        if (allowed is not null && !string.Equals(allowed.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("serviceUrl does not match the token.", statusCode: 403);
        }

        var replies = await bot.ProcessAsync(activity, cancellationToken);
        foreach (var reply in replies)
        {
            reply["conversation"] ??= new JsonObject { ["id"] = conversationId };
            reply["replyToId"] = activityId;
            reply["from"] ??= activity["recipient"]?.DeepClone();
            reply["recipient"] ??= activity["from"]?.DeepClone();
            reply["channelId"] ??= activity["channelId"]?.DeepClone();
            reply["serviceUrl"] = serviceUrl;
            await connector.ReplyAsync(serviceUrl, conversationId, activityId, reply, cancellationToken);
        }

        return TypedResults.Ok();
    }

    /// <summary>The node's string, null when it is absent or not a string.</summary>
    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
