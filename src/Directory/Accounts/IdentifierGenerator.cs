using System.Globalization;
using System.Text;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Accounts;

/// <summary>
/// EduConnect's identifier shape: first letter of the first name, a dot, the family name lower-cased without accents,
/// spaces, hyphens or apostrophes (v.durant), then the smallest number that makes it unique when the bare form is taken
/// (v.durant1, g.reabu5).
/// </summary>
public static class IdentifierGenerator
{
    /// <summary>The bare form (no number) for a person, e.g. ("Ève", "Müller-Öztürk") → "e.mullerozturk".</summary>
    public static string BaseFor(string firstName, string familyName)
    {
        var first = Fold(firstName);
        if (first.Length == 0 || !char.IsAsciiLetterLower(first[0]))
        {
            throw new DirectoryValidationException("FirstName", $"« {firstName} » : le prénom doit commencer par une lettre.");
        }

        var family = Fold(familyName);
        if (family.Length == 0)
        {
            throw new DirectoryValidationException("FamilyName", $"« {familyName} » : le nom de famille doit contenir au moins une lettre.");
        }

        return $"{first[0]}.{family}";
    }

    /// <summary>
    /// The smallest free identifier for <paramref name="baseIdentifier"/> given the identifiers already taken that start
    /// with it: the bare form if free, else the bare form followed by the smallest free number from 1.
    /// </summary>
    public static string FirstFree(string baseIdentifier, IEnumerable<string> takenWithSamePrefix)
    {
        var taken = new HashSet<string>(takenWithSamePrefix, StringComparer.Ordinal);
        if (!taken.Contains(baseIdentifier))
        {
            return baseIdentifier;
        }

        for (var n = 1; ; n++)
        {
            var candidate = baseIdentifier + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Lower-case ASCII letters and digits only: accents dropped, ligatures spelt out, everything else removed.</summary>
    public static string Fold(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case var _ when char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c):
                    builder.Append(c);
                    break;
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                case 'ø':
                    builder.Append('o');
                    break;
                case 'ł':
                    builder.Append('l');
                    break;
                case 'đ':
                    builder.Append('d');
                    break;
                default:
                    // Combining accents (after FormD), spaces, hyphens, apostrophes and any other sign are dropped.
                    break;
            }
        }

        return builder.ToString();
    }
}
