using PhoneNumbers;

namespace SupportBot.AccountDirectory.Validation;

/// <summary>Mobile numbers as the directory stores them: E.164, read with libphonenumber (region FR unless the number says otherwise).</summary>
public static class MobilePhones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalize(string? value, out string e164, string defaultRegion = "FR")
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            var parsed = Util.Parse(value.Trim(), defaultRegion);
            if (!Util.IsValidNumber(parsed))
            {
                return false;
            }

            e164 = Util.Format(parsed, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Null or blank stays null; anything else must be a valid number, or the field is refused.</summary>
    public static string? NormalizeOptional(string? value, string field = "MobilePhone", string defaultRegion = "FR")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TryNormalize(value, out var e164, defaultRegion)
            ? e164
            : throw new DirectoryValidationException(field, $"« {value} » n'est pas un numéro de téléphone valide (ex. 06 12 34 56 78 ou +33 6 12 34 56 78).");
    }
}
