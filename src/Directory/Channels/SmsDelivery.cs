namespace SupportBot.AccountDirectory.Channels;

/// <summary>
/// An SMS sent through Twilio's REST API (not a reply), by its MessageSid, with the last delivery status Twilio called
/// back with: operators and, for a case, its director learn that the parent was not reached. No number is kept.
/// </summary>
public sealed class SmsDelivery
{
    public required string MessageSid { get; set; }

    /// <summary>The case whose resolution the message told, if any.</summary>
    public int? DirectorCaseId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>Twilio's MessageStatus: queued, sent, delivered, undelivered, failed...</summary>
    public required string Status { get; set; }

    /// <summary>Twilio's ErrorCode for undelivered and failed messages (30003 unreachable, 30005 unknown number...).</summary>
    public int? ErrorCode { get; set; }

    public DateTimeOffset? StatusAt { get; set; }
}
