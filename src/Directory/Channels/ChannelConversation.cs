namespace SupportBot.AccountDirectory.Channels;

/// <summary>A Direct Line conversation as a client knows it: its id, its user, and the last watermark handed out.</summary>
public sealed class ChannelConversation
{
    /// <summary>Opaque, unguessable id (the token is still required to use it).</summary>
    public required string Id { get; set; }

    public required string ChannelId { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Sequence number of the newest activity; also the conversation's watermark.</summary>
    public int LastSequence { get; set; }

    /// <summary>Changes with every append, so that a writer that read the row before an append knows it is stale.</summary>
    public Guid Version { get; set; }

    /// <summary>
    /// The instance running a turn of this conversation (the parent's message stored, the bot run, its replies stored),
    /// until <see cref="TurnUntilMs"/>: turns of one conversation run one after the other across instances.
    /// </summary>
    public string? TurnOwner { get; set; }

    /// <summary>Unix milliseconds: SQLite cannot compare DateTimeOffset values in SQL, and the turn is taken by a conditional UPDATE.</summary>
    public long TurnUntilMs { get; set; }
}
