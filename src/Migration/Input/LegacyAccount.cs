namespace SupportBot.Migration.Input;

/// <summary>A SIECLE téléservices account of ComptesTeleservices.xml. Activation codes are read but never kept.</summary>
internal sealed class LegacyAccount
{
    public required string CompteId { get; init; }

    public bool IsJoint { get; init; }

    /// <summary>The old identifier, lower-cased (identifiers are matched case-insensitively).</summary>
    public required string Identifier { get; init; }

    /// <summary>Lower-cased; once the SIECLE exports are read, the same instance as its holder's equal MEL.</summary>
    public string? Email { get; set; }

    public bool EmailConfirmed { get; init; }

    // DateOnly.MinValue when absent or invalid: rule 5 ranks a missing date below every date, which MinValue does.
    public DateOnly CreatedOn { get; init; }

    public DateOnly LastLoginOn { get; init; }

    /// <summary>UAJ:PERSONNE_ID of the holders (see <see cref="RecordKeys"/>), the first one holding the e-mail.</summary>
    public required long[] Holders { get; init; }

    public required LegacyAttachment[] Attachments { get; init; }

    public required string File { get; init; }

    public int Line { get; init; }
}

internal readonly record struct LegacyAttachment(long PupilKey, long PersonKey, int Line);
