namespace SupportBot.AccountDirectory.Cases;

public enum DirectorCaseStatus
{
    Open,
    Resolved,
}
