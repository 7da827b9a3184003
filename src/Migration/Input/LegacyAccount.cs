using System.Globalization;

namespace SupportBot.Migration.Input;

/// <summary>A SIECLE téléservices account of ComptesTeleservices.xml. Activation codes are read but never kept.</summary>
internal sealed class LegacyAccount
{
    /// <summary>COMPTE_ID as read (trimmed), made on demand: most are numbers (see <see cref="CompteNumber"/>).</summary>
    public string CompteId
    {
        get => _compteText ?? CompteNumber.ToString(CultureInfo.InvariantCulture);
        init
        {
            if (DecimalText.TryParse(value, out var number))
            {
                CompteNumber = number;
            }
            else
            {
                CompteNumber = -1;
                _compteText = value;
            }
        }
    }

    /// <summary>COMPTE_ID when it is a number that prints back as itself, -1 otherwise.</summary>
    public long CompteNumber { get; private init; }

    private readonly string? _compteText;

    public bool IsJoint { get; init; }

    /// <summary>The old identifier, lower-cased (identifiers are matched case-insensitively).</summary>
    public required string Identifier { get; init; }

    /// <summary>Lower-cased; once the SIECLE exports are read, the same instance as its holder's equal MEL.</summary>
    public string? Email { get; set; }

    public bool EmailConfirmed { get; init; }

    // DateOnly.MinValue when absent or invalid: rule 5 ranks a missing date below every date, which MinValue does.
    public DateOnly CreatedOn { get; init; }

    public DateOnly LastLoginOn { get; init; }

    /// <summary>UAJ:PERSONNE_ID of the first holder (see <see cref="RecordKeys"/>), the one holding the e-mail.</summary>
    public long FirstHolder { get; init; }

    /// <summary>UAJ:PERSONNE_ID of a joint account's second holder.</summary>
    public long SecondHolder { get; init; }

    public int HolderCount => IsJoint ? 2 : 1;

    public long Holder(int index) => index == 0 ? FirstHolder : SecondHolder;

    /// <summary>Its attachments in <see cref="LegacyAttachments"/>.</summary>
    public int AttachmentStart { get; init; }

    public int AttachmentCount { get; init; }

    public required string File { get; init; }

    public int Line { get; init; }

    /// <summary>In the ordinal order of the COMPTE_ID strings.</summary>
    public static int CompareCompteIds(LegacyAccount? a, LegacyAccount? b) =>
        a!.CompteNumber >= 0 && b!.CompteNumber >= 0 ? DecimalText.Compare(a.CompteNumber, b.CompteNumber) : string.CompareOrdinal(a.CompteId, b!.CompteId);
}
