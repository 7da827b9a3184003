namespace SupportBot.AccountDirectory.DialogState;

/// <summary>The bot's saved state of one sender (channelId/from.id) across conversations, as JSON, with an ETag.</summary>
public sealed class UserStateRecord
{
    public required string Key { get; set; }

    public required string Json { get; set; }

    public required string ETag { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
