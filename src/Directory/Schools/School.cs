using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Schools;

/// <summary>
/// A school as the ministry's Annuaire de l'éducation lists it (imported by UAI), with what the académie may add: the
/// director's name, and an address that overrides the school's official mailbox.
/// </summary>
public sealed class School
{
    public int Id { get; set; }

    public required string Uai { get; set; }

    /// <summary>The official name (« Ecole élémentaire publique Jean Moulin »).</summary>
    public required string Name { get; set; }

    public string? Commune { get; set; }

    public string? PostalCode { get; set; }

    public SchoolSector? Sector { get; set; }

    /// <summary>The inspection district (« Circonscription d'inspection du 1er degré de Bruz »).</summary>
    public string? Circonscription { get; set; }

    /// <summary>The school's official mailbox from the annuaire (<c>ecole.0352207J@ac-rennes.fr</c>), read by the director.</summary>
    public string? OfficialEmail { get; set; }

    public string? DirectorName { get; set; }

    /// <summary>Set by the académie only: replaces <see cref="OfficialEmail"/> for the director's mail. An import never changes it.</summary>
    public string? DirectorEmail { get; set; }

    /// <summary>When the school left the annuaire or stopped being <c>OUVERT</c>; a closed school keeps its cases but gets no new ones.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When an import last wrote this row.</summary>
    public DateTimeOffset? ImportedAt { get; set; }

    /// <summary>Where the director's mail goes: the académie's override, else the official mailbox.</summary>
    public string? DirectorMailbox => string.IsNullOrWhiteSpace(DirectorEmail) ? OfficialEmail : DirectorEmail;

    public bool IsOpen => ClosedAt is null;

    /// <summary>A school with its UAI and addresses checked; throws naming the first bad field.</summary>
    public static School Create(string uai, string name, string? commune = null, string? directorName = null, string? directorEmail = null,
        string? officialEmail = null, string? postalCode = null, SchoolSector? sector = null) =>
        new()
        {
            Uai = Schools.Uai.Normalize(uai),
            Name = string.IsNullOrWhiteSpace(name)
                ? throw new DirectoryValidationException(nameof(Name), "le nom de l'école est obligatoire.")
                : name.Trim(),
            Commune = commune?.Trim(),
            PostalCode = postalCode?.Trim(),
            Sector = sector,
            DirectorName = directorName?.Trim(),
            DirectorEmail = EmailAddresses.NormalizeOptional(directorEmail, nameof(DirectorEmail)),
            OfficialEmail = EmailAddresses.NormalizeOptional(officialEmail, nameof(OfficialEmail)),
        };
}
