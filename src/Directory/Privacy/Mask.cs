namespace SupportBot.AccountDirectory.Privacy;

/// <summary>Masks personal data before it reaches a log or a transcript.</summary>
public static partial class Mask
{
    /// <summary>valery.durant@example.fr → v***@example.fr</summary>
    public static string Email(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "";
        }

        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }

    /// <summary>+33612345678 → +336******78</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        var digits = phone.Trim();
        return digits.Length <= 6 ? "***" : digits[..4] + new string('*', digits.Length - 6) + digits[^2..];
    }

    /// <summary>v.durant1 → v.***</summary>
    public static string Identifier(string? identifier) =>
        string.IsNullOrEmpty(identifier) ? "" : (identifier.Length <= 2 ? "***" : identifier[..2] + "***");
}
