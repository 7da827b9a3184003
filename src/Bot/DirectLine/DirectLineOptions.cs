using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.DirectLine;

/// <summary>Configuration section <c>DirectLine</c>.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>When set, <c>POST /v3/directline/tokens/generate</c> and secret-authenticated calls require it as a Bearer.</summary>
    public string? Secret { get; set; }

    /// <summary>Origins (https://www.toutatice.fr) allowed by CORS besides the service's own.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Key (at least 32 characters) signing the tokens; shared by every instance. When unset, a random key is kept in <see cref="KeyFile"/>.</summary>
    [MinLength(32)]
    public string? TokenSigningKey { get; set; }

    /// <summary>Defaults to <c>directline-signing.key</c> in the data folder.</summary>
    [Required]
    public string? KeyFile { get; set; }

    /// <summary>Minutes; fractions allowed (tests of an expired token use a few seconds).</summary>
    [Range(0.05, 24 * 60)]
    public double TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>
    /// How long after its expiry a token still lets the page that held it resume its conversation with a new token
    /// (<c>POST /api/directline/token</c> with that token as Bearer); 0 disables resuming.
    /// </summary>
    [Range(0, 24 * 30)]
    public int ResumeWindowHours { get; set; } = 24;

    /// <summary>Longest message text accepted from a client.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Token requests per minute and per client address on <c>/api/directline/token</c>.</summary>
    [Range(1, 10_000)]
    public int TokenRequestsPerMinute { get; set; } = 10;

    /// <summary>
    /// Seconds between two reads of the store by a WebSocket stream with nothing new: how late a reply made by another
    /// instance reaches it without <see cref="Redis"/>. Fractions allowed.
    /// </summary>
    [Range(0.05, 600)]
    public double StreamPollSeconds { get; set; } = 5;

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>redis.example.fr:6379,password=...</c>): instances tell each other
    /// of new activities through Redis pub/sub, so a reply made by one reaches a stream held by another at once. Unset
    /// (the default), streams rely on <see cref="StreamPollSeconds"/>.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The Redis pub/sub channel; instances of one service share it, another service on the same Redis takes its own.</summary>
    [Required]
    public string RedisChannel { get; set; } = "supportbot:directline";

    [Required]
    public string BotId { get; set; } = "supportbot";

    [Required]
    public string BotName { get; set; } = "Assistant Toutatice";
}
