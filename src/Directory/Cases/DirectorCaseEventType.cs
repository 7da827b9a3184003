namespace SupportBot.AccountDirectory.Cases;

public enum DirectorCaseEventType
{
    /// <summary>The bot opened the case (for a school, or for the académie when none was found).</summary>
    Opened,

    /// <summary>The same request again within the duplicate window: merged into this case.</summary>
    Repeated,

    /// <summary>The destination (school's director or académie) was mailed.</summary>
    Mailed,

    /// <summary>The académie assigned the case to a school.</summary>
    Assigned,

    /// <summary>A school said « Pas dans notre école »: back to the académie's queue.</summary>
    Refused,

    /// <summary>The school marked it as treated.</summary>
    Resolved,

    /// <summary>The parent was told (SMS or e-mail).</summary>
    ParentNotified,

    /// <summary>Twilio could not deliver the SMS telling the parent (its error code in the note).</summary>
    SmsNotDelivered,
}
