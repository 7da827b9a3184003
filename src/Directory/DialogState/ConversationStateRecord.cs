namespace SupportBot.AccountDirectory.DialogState;

/// <summary>
/// The bot's saved state of one conversation (dialog stack and values), as JSON. <see cref="ETag"/> changes on every
/// write, so that two service instances writing the same row never lose an update; the lease serialises turns.
/// </summary>
public sealed class ConversationStateRecord
{
    /// <summary>channelId/conversationId.</summary>
    public required string Key { get; set; }

    public required string Json { get; set; }

    public required string ETag { get; set; }

    /// <summary>
    /// An <see cref="ETag"/> starting with this marks a state the retention purge reduced (<see cref="Retention.IConversationStateReducer"/>):
    /// it is not read again until a turn writes it. Turns write hexadecimal ETags, which never start with it.
    /// </summary>
    public const string ReducedMark = "r";

    /// <summary>The instance running a turn of this conversation, until <see cref="LeaseUntilMs"/>.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Unix milliseconds: SQLite cannot compare DateTimeOffset values in SQL, and the lease is taken by a conditional UPDATE.</summary>
    public long LeaseUntilMs { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
