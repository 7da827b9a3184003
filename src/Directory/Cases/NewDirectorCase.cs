namespace SupportBot.AccountDirectory.Cases;

/// <summary>What the bot collected from the parent; phone and e-mail are checked and normalised when the case is opened.</summary>
public sealed record NewDirectorCase(
    DirectorCaseKind Kind,
    string Channel,
    string? ChannelAddress = null,
    string? SchoolGiven = null,
    string? PupilGiven = null,
    DateOnly? PupilBirthDateGiven = null,
    string? ResponsableGiven = null,
    string? PhoneGiven = null,
    string? EmailGiven = null,
    string? FreeText = null);
