using SupportBot.AccountDirectory.Persons;

namespace SupportBot.Migration.Input;

/// <summary>A responsable of one établissement's BEE_RESPONSABLES export, with phone and e-mail already normalised.</summary>
internal sealed class SieclePerson
{
    public required string Uaj { get; init; }

    public required string PersonId { get; init; }

    /// <summary>UAJ:PERSONNE_ID: rule 1's identity of a person within one établissement.</summary>
    public required string Key { get; init; }

    public string? Civility { get; init; }

    public required string FamilyName { get; init; }

    public required string FirstName { get; init; }

    /// <summary>E.164, or null when absent or invalid.</summary>
    public string? Mobile { get; init; }

    /// <summary>Lower-cased, or null when absent or invalid.</summary>
    public string? Email { get; init; }

    public required string File { get; init; }

    public int Line { get; init; }

    public List<SiecleResponsibility> Responsibilities { get; } = [];

    /// <summary>Folded family and first names (rule 1), computed once: millions of comparisons use it.</summary>
    public string NameKey => _nameKey ??= Planning.Identity.NameKey(FamilyName, FirstName);

    /// <summary>Rule 1's identity, or null without both a mobile and an e-mail.</summary>
    public string? IdentityKey => Mobile is null || Email is null ? null : NameKey + "|" + Mobile + "|" + Email;

    private string? _nameKey;
}

/// <summary>A RESPONSABLE_ELEVE line: a person's responsibility for a pupil of the same établissement.</summary>
internal readonly record struct SiecleResponsibility(string PupilKey, ResponsibilityLevel Level, string? RelationshipCode);
