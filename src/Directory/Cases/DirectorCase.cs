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

    public string? FreeText { get; set; }

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
