using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>
/// Azure Bot Service's side, which this machine cannot reach, on loopback with the real protocols: the channel's OpenID
/// metadata and signing key (tokens it signs pass /api/messages' JWT check), the bot's token endpoint, and the Connector
/// the replies are posted to.
/// </summary>
internal sealed class AzureStandIn : IAsyncDisposable
{
    public const string AppId = "5c1f0d7e-0000-4000-8000-00000000f022";
    public const string AppPassword = "mot-de-passe-application-fuzz";
    private const string Issuer = "https://api.botframework.com";
    private readonly RSA _key = RSA.Create(2048);
    private readonly WebApplication _app;

    private AzureStandIn(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    /// <summary>The settings that point the service at this stand-in.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["AzureBotService__MicrosoftAppId"] = AppId,
        ["AzureBotService__MicrosoftAppPassword"] = AppPassword,
        ["AzureBotService__OpenIdMetadataUrl"] = Url + "/v1/.well-known/openidconfiguration",
        ["AzureBotService__TokenEndpoint"] = Url + "/token",
    };

    public static async Task<AzureStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new AzureStandIn(app);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(standIn._key.ExportParameters(false)) { KeyId = "channel-key" });
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
            Results.Json(new { issuer = Issuer, jwks_uri = $"{standIn.Url}/keys", id_token_signing_alg_values_supported = new[] { "RS256" } }));
        app.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } }));
        app.MapPost("/token", () => Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "jeton-du-bot" }));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", () => Results.Json(new { id = "reply" }));
        await app.StartAsync();
        return standIn;
    }

    /// <summary>A channel token as Azure signs it, naming this stand-in as the serviceUrl to answer.</summary>
    public string Token()
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            Subject = new ClaimsIdentity([new Claim("serviceurl", Url + "/")]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "channel-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
