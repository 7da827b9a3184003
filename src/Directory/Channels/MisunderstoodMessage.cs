namespace SupportBot.AccountDirectory.Channels;

/// <summary>
/// A parent's message the bot could not route, masked (e-mails, phones, dates, identifiers), kept as long as the
/// conversations (<c>Retention:Days</c>) so that the académie can grow the training set from what parents really write.
/// </summary>
public sealed class MisunderstoodMessage
{
    public long Id { get; set; }

    /// <summary>webchat, sms...</summary>
    public required string Channel { get; set; }

    /// <summary>The message, masked, trimmed, at most <see cref="MaxLength"/> characters.</summary>
    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }

    public const int MaxLength = 300;
}
