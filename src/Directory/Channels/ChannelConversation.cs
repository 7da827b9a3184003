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
}
