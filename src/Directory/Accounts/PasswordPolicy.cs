namespace SupportBot.AccountDirectory.Accounts;

/// <summary>
/// EduConnect's password rule: « 8 à 14 caractères, chiffres et lettres, minuscules, majuscules, caractères non accentués
/// avec au moins 1 chiffre et 1 lettre ».
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 14;

    /// <summary>The rules <paramref name="password"/> breaks, in French, empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Problems(string? password)
    {
        var problems = new List<string>();
        password ??= "";
        if (password.Length < MinLength || password.Length > MaxLength)
        {
            problems.Add($"Le mot de passe doit comporter de {MinLength} à {MaxLength} caractères (il en a {password.Length}).");
        }

        if (password.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            problems.Add("Le mot de passe ne peut contenir que des lettres non accentuées et des chiffres (ni espace, ni accent, ni signe).");
        }

        if (!password.Any(char.IsAsciiLetter))
        {
            problems.Add("Le mot de passe doit contenir au moins une lettre.");
        }

        if (!password.Any(char.IsAsciiDigit))
        {
            problems.Add("Le mot de passe doit contenir au moins un chiffre.");
        }

        return problems;
    }

    public static bool IsValid(string? password) => Problems(password).Count == 0;
}
