namespace SupportBot.AccountDirectory.Cases;

/// <summary>
/// What the bot collected from the parent; phone and e-mail are checked and normalised when the case is opened.
/// <paramref name="SchoolUai"/> is the school the parent confirmed (null: none found, the case goes to the académie with
/// <paramref name="SchoolGiven"/>, the parent's own words). The keys identify who asks, for the limits (keyed hashes).
/// </summary>
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
    string? FreeText = null,
    string? SchoolUai = null,
    string? IdentifierGiven = null,
    RequesterKeys? Requester = null);
