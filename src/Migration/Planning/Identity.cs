using SupportBot.AccountDirectory.Accounts;

namespace SupportBot.Migration.Planning;

/// <summary>Rule 1 (EduConnect's sibling rule): same normalised family name, first name, mobile and e-mail = same person.</summary>
internal static class Identity
{
    public static string NameKey(string familyName, string firstName) =>
        IdentifierGenerator.Fold(familyName) + "|" + IdentifierGenerator.Fold(firstName);

    /// <summary>Null when the phone or the e-mail is missing: two persons without them are never merged.</summary>
    public static string? Key(string familyName, string firstName, string? mobile, string? email) =>
        mobile is null || email is null ? null : NameKey(familyName, firstName) + "|" + mobile + "|" + email;
}
