using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Bot.AzureBotService;

internal static class AzureBotServiceServiceCollectionExtensions
{
    public const string Scheme = "AzureBotService";

    /// <summary>
    /// The channel's JWT as Azure Bot Service signs it (issuer api.botframework.com, audience = our Microsoft App ID, keys
    /// from the OpenID metadata, 5 minutes of clock skew), and the Connector client the replies go through.
    /// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
    /// </summary>
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
}
