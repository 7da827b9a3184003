namespace SupportBot.AccountDirectory.Cases;

public enum DirectorCaseKind
{
    /// <summary>The parent's mobile number differs from the one in ONDE.</summary>
    PhoneMismatch,

    /// <summary>A child's birth date is refused: ONDE holds another one.</summary>
    BirthDateMismatch,

    /// <summary>Notification letter or activation codes lost: re-notification without password reset.</summary>
    LostNotification,

    /// <summary>Temporary password lost or account never activated: re-notification with password reset.</summary>
    LostTemporaryPassword,

    /// <summary>No mobile phone: the account comes from the school.</summary>
    NoMobilePhone,

    Other,
}
