using System.ComponentModel.DataAnnotations;

namespace SupportBot.AccountDirectory.Mail;

/// <summary>Configuration section <c>Mail:Queue</c>: how the mail worker polls and retries.</summary>
public sealed class MailQueueOptions
{
    public const string Section = "Mail:Queue";

    /// <summary>
    /// How often each instance looks for due mails. The worker is not woken by a new request on purpose: it then works
    /// at its own pace, not right after the turns of known accounts, where its load would tell them apart.
    /// </summary>
    [Range(50, 3_600_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Attempts before a mail is given up (failed); a recipient refused for good fails at once.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each one, up to <see cref="MaxRetryMinutes"/> (8 attempts: about 2 h).</summary>
    [Range(1, 86_400)]
    public int FirstRetrySeconds { get; set; } = 60;

    [Range(1, 1440)]
    public int MaxRetryMinutes { get; set; } = 60;

    /// <summary>How long a worker holds a mail it sends: longer than one send can take (Mail:Smtp:TimeoutSeconds per SMTP step).</summary>
    [Range(30, 86_400)]
    public int LeaseSeconds { get; set; } = 300;
}
