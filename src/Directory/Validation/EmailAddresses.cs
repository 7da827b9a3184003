using System.Text.RegularExpressions;
using MimeKit;

namespace SupportBot.AccountDirectory.Validation;

/// <summary>E-mail addresses as the directory stores them: a bare addr-spec, trimmed and lower-cased.</summary>
public static partial class EmailAddresses
{
    // MimeKit accepts display names and obsolete forms; the directory wants exactly one local@domain.tld.
    [GeneratedRegex(@"^[^\s@<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Shape();

    public static bool TryNormalize(string? value, out string address)
    {
        address = "";
        var candidate = (value ?? "").Trim();
        if (candidate.Length is 0 or > 254 || !Shape().IsMatch(candidate) || !MailboxAddress.TryParse(candidate, out var mailbox))
        {
            return false;
        }

        // Stored lower-cased so that look-ups are exact matches on an index; no mail system in this
        // audience treats the local part case-sensitively.
        address = mailbox.Address.ToLowerInvariant();
        return true;
    }

    public static string? NormalizeOptional(string? value, string field = "Email")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TryNormalize(value, out var address)
            ? address
            : throw new DirectoryValidationException(field, $"« {value} » n'est pas une adresse électronique valide (ex. prenom.nom@example.fr).");
    }
}
