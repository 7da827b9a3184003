namespace SupportBot.AccountDirectory.Channels;

/// <summary>One activity of a Direct Line conversation, kept as the JSON the client receives, in watermark order.</summary>
public sealed class ChannelActivity
{
    public long Id { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>1, 2, 3... within the conversation: the watermark after this activity.</summary>
    public int Sequence { get; set; }

    /// <summary>The activity's id as the client sees it (conversationId|0000001).</summary>
    public required string ActivityId { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
