using SupportBot.AccountDirectory.Schools;

namespace SupportBot.AccountDirectory.Cases;

/// <summary>A request the bot routes to a school director, with what the parent said (unverified).</summary>
public sealed class DirectorCase
{
    public int Id { get; set; }

    /// <summary>Short reference the parent can quote (SB-7KQ4M2).</summary>
    public required string Reference { get; set; }

    public DirectorCaseKind Kind { get; set; }

    public DirectorCaseStatus Status { get; set; }

    /// <summary>The channel the parent used: webchat, sms, emulator...</summary>
    public required string Channel { get; set; }

    /// <summary>Where to reach the parent on that channel (the SMS sender's number), when there is one.</summary>
    public string? ChannelAddress { get; set; }

    public int? SchoolId { get; set; }

    public School? School { get; set; }

    public string? SchoolGiven { get; set; }

    public string? PupilGiven { get; set; }

    public DateOnly? PupilBirthDateGiven { get; set; }

    public string? ResponsableGiven { get; set; }

    /// <summary>E.164.</summary>
    public string? PhoneGiven { get; set; }

    public string? EmailGiven { get; set; }

    /// <summary>The EduConnect identifier the parent typed (unverified), when the path asked for it.</summary>
    public string? IdentifierGiven { get; set; }

    public string? FreeText { get; set; }

    /// <summary>Where the parent asked to be told that the case is treated (besides the SMS number of an SMS case).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>E.164: a mobile number the parent gave to be told by SMS.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>What the director wrote to the parent when treating the case (plain text, at most 300 characters).</summary>
    public string? DirectorMessage { get; set; }

    /// <summary>Keyed hashes of the conversation, the sender and the client address that opened the case, for the limits.</summary>
    public string? ConversationKey { get; set; }

    public string? SenderKey { get; set; }

    public string? ClientKey { get; set; }

    /// <summary>When the case's current destination (the school's director, or the académie when no school) was mailed; null: due.</summary>
    public DateTimeOffset? DestinationMailedAt { get; set; }

    /// <summary>An instance is mailing the destination until then (several instances share the queue).</summary>
    public DateTimeOffset? DestinationMailClaimedUntil { get; set; }

    /// <summary>When the parent's e-mail telling that the case is treated was dealt with (<see cref="ContactEmail"/>).</summary>
    public DateTimeOffset? ParentMailedAt { get; set; }

    /// <summary>An instance is mailing the parent until then; a claim left by a crashed instance lapses, and another sends.</summary>
    public DateTimeOffset? ParentMailClaimedUntil { get; set; }

    public List<DirectorCaseEvent> Events { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>
    /// When the SMS telling the parent that the case was resolved was dealt with: sent, or not to be sent (the number sent
    /// STOP, Twilio refused it). Null: not yet, or not an SMS case.
    /// </summary>
    public DateTimeOffset? ParentNotifiedAt { get; set; }

    /// <summary>An instance is sending that SMS until then; a claim left by a crashed instance lapses, and another sends.</summary>
    public DateTimeOffset? ParentNotificationClaimedUntil { get; set; }
}
