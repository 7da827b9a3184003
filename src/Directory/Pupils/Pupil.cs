using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Schools;

namespace SupportBot.AccountDirectory.Pupils;

public sealed class Pupil
{
    public int Id { get; set; }

    /// <summary>SIECLE's ELEVE_ID, unique within the school's export, when the pupil came from SIECLE.</summary>
    public string? SiecleEleveId { get; set; }

    /// <summary>Identifiant National Élève, when known.</summary>
    public string? Ine { get; set; }

    public required string FamilyName { get; set; }

    public string? UsageName { get; set; }

    public required string FirstNames { get; set; }

    public DateOnly BirthDate { get; set; }

    public int SchoolId { get; set; }

    public School? School { get; set; }

    public string? ClassName { get; set; }

    public List<PersonPupilLink> Responsables { get; set; } = [];
}
