namespace SupportBot.Bot.AzureBotService;

/// <summary>
/// Configuration section <c>AzureBotService</c>. The endpoint /api/messages is off while <see cref="MicrosoftAppId"/> is empty.
/// Defaults are the public cloud's (botframework-connector's AuthenticationConstants); tests point them at local servers.
/// </summary>
public sealed class AzureBotServiceOptions
{
    public const string Section = "AzureBotService";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Where the channel's signing keys are published (TO BOT FROM CHANNEL).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Client-credentials endpoint for the bot's calls to the Connector (TO CHANNEL FROM BOT).</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    public string Scope { get; set; } = "https://api.botframework.com/.default";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
