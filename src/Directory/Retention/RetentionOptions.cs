using System.ComponentModel.DataAnnotations;

namespace SupportBot.AccountDirectory.Retention;

/// <summary>Configuration section <c>Retention</c>: how long parents' exchanges with the bot are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Conversations, dialog state, SMS and reset links older than this are deleted.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 30;

    /// <summary>How often the service purges.</summary>
    [Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 60;
}
