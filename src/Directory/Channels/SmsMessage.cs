namespace SupportBot.AccountDirectory.Channels;

/// <summary>An SMS received from Twilio, kept by MessageSid so that Twilio's retries are answered once.</summary>
public sealed class SmsMessage
{
    public required string MessageSid { get; set; }

    /// <summary>Sender, E.164.</summary>
    public required string From { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The TwiML answered, replayed as is for a retry; null while the turn runs.</summary>
    public string? ResponseTwiml { get; set; }
}
