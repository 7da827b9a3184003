using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Sms;

/// <summary>Configuration section <c>Twilio</c>.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string? AccountSid { get; set; }

    /// <summary>Signs Twilio's webhooks (X-Twilio-Signature) and authenticates REST calls. Without it the webhook refuses everything.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The URL Twilio calls, as Twilio sees it (https://supportbot.example.fr), when a proxy sits in front; else the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>The SupportBot SMS number (E.164), sender of outbound messages.</summary>
    public string? FromNumber { get; set; }

    /// <summary>Where outbound SMS are written when no Twilio credentials are configured; defaults to <c>outbox/</c> in the data folder.</summary>
    [Required]
    public string? OutboxDirectory { get; set; }

    [Range(1, 1600)]
    public int MaxBodyLength { get; set; } = 1600;

    /// <summary>
    /// How long a retry of a message still being answered waits for that answer (Twilio waits 15 s for a webhook:
    /// https://www.twilio.com/docs/usage/webhooks/webhooks-connection-overrides); past it the retry gets a 503.
    /// </summary>
    [Range(1, 60)]
    public int RetryWaitSeconds { get; set; } = 15;

    /// <summary>How often the bot looks for resolved cases whose parent is to be told by SMS.</summary>
    [Range(1, 3600)]
    public int CaseNotificationPollSeconds { get; set; } = 30;
}
