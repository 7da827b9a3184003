namespace SupportBot.AccountDirectory.Accounts;

/// <summary>
/// One notification mail (identifier and set-password link) per account. The row is written before the mail is sent,
/// so that a crash can never lead to a second mail; <see cref="SentAt"/> stays null when the crash came in between.
/// </summary>
public sealed class AccountNotification
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public Account? Account { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? MessageId { get; set; }
}
