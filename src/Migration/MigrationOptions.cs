using System.ComponentModel.DataAnnotations;

namespace SupportBot.Migration;

/// <summary>Configuration section <c>Migration</c> (appsettings.json beside the program, or Migration__Key variables).</summary>
internal sealed class MigrationOptions
{
    public const string Section = "Migration";

    /// <summary>The public address of SupportBot; the set-password link is PublicBaseUrl + /motdepasse/reinitialiser?jeton=...</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Throttle of the notify command.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; } = 60;

    /// <summary>Accounts per transaction: larger is faster, smaller loses less work to a crash (nothing is ever lost twice).</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>Threads parsing the exports (file by file); by default the machine's cores, at most 4.</summary>
    [Range(1, 64)]
    public int? ReadingThreads { get; set; }
}
