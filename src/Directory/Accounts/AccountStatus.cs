namespace SupportBot.AccountDirectory.Accounts;

/// <summary>The four states a director sees in EduConnect's administration.</summary>
public enum AccountStatus
{
    NonNotifie = 0,
    NotifieNonActive = 1,
    EnCoursActivation = 2,
    Active = 3,
}
