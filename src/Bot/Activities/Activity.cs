using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.Activities;

/// <summary>
/// A Bot Framework activity (https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md),
/// with the schema's JSON names, so that channels and clients written for the Bot Framework read it unchanged.
/// </summary>
internal sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public string? Text { get; set; }

    /// <summary>markdown, plain or xml.</summary>
    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    /// <summary>acceptingInput, expectingInput or ignoringInput.</summary>
    public string? InputHint { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public string? ReplyToId { get; set; }

    public JsonElement? ChannelData { get; set; }

    /// <summary>The name of an event activity.</summary>
    public string? Name { get; set; }

    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A reply to this activity: addressed back to its sender, in the same conversation and channel.</summary>
    public Activity CreateReply(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Locale = Locale ?? "fr-FR",
    };
}
