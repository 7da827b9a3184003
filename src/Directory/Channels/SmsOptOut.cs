namespace SupportBot.AccountDirectory.Channels;

/// <summary>A number that sent STOP (or ARRET, DESABONNER): no message goes to it until it sends START.</summary>
public sealed class SmsOptOut
{
    /// <summary>E.164.</summary>
    public required string Phone { get; set; }

    public DateTimeOffset OptedOutAt { get; set; }
}
