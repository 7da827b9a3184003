using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.AzureBotService;

/// <summary>
/// /api/messages as Azure Bot Service calls it: a Bot Framework activity with a channel JWT (issuer api.botframework.com,
/// audience = our Microsoft App ID, keys from the OpenID metadata, 5 minutes of clock skew); replies go back through
/// the Connector REST API. https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
/// </summary>
internal static class AzureBotServiceEndpoints
{
    public const string Scheme = "AzureBotService";

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
        app.UseAuthentication();
        app.UseAuthorization();
        if (app.Services.GetRequiredService<IOptions<AzureBotServiceOptions>>().Value.IsEnabled)
        {
            app.MapPost("/api/messages", ReceiveAsync).RequireAuthorization(Scheme);
        }

        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, IConversationBot bot, ConnectorClient connector, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem("Content-Type must be application/json.", statusCode: 415);
        }

        JsonObject? activity;
        try
        {
            activity = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException e)
        {
            return TypedResults.Problem($"The body is not valid JSON: {e.Message}", statusCode: 400);
        }

        var serviceUrl = activity?["serviceUrl"]?.GetValue<string>();
        var conversationId = activity?["conversation"]?["id"]?.GetValue<string>();
        var activityId = activity?["id"]?.GetValue<string>();
        if (activity is null || activity["type"] is null || serviceUrl is null || conversationId is null || activityId is null)
        {
            return TypedResults.Problem("The activity needs type, id, serviceUrl and conversation.id.", statusCode: 400);
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
}
