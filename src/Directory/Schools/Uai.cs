using System.Text.RegularExpressions;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Schools;

/// <summary>The Unité Administrative Immatriculée of a school: 7 digits and a letter (0350001A).</summary>
public static partial class Uai
{
    [GeneratedRegex("^[0-9]{7}[A-Z]$")]
    private static partial Regex Shape();

    /// <summary>Upper-cases and trims <paramref name="value"/>, or throws naming <paramref name="field"/>.</summary>
    public static string Normalize(string? value, string field = "Uai")
    {
        var candidate = (value ?? "").Trim().ToUpperInvariant();
        if (!Shape().IsMatch(candidate))
        {
            throw new DirectoryValidationException(field,
                $"« {value} » n'est pas un code UAI valide : 7 chiffres suivis d'une lettre sont attendus (ex. 0350001A).");
        }

        return candidate;
    }

    public static bool IsValid(string? value) => Shape().IsMatch((value ?? "").Trim().ToUpperInvariant());
}
