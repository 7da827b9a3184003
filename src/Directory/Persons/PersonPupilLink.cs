using SupportBot.AccountDirectory.Pupils;

namespace SupportBot.AccountDirectory.Persons;

public sealed class PersonPupilLink
{
    public int PersonId { get; set; }

    public Person? Person { get; set; }

    public int PupilId { get; set; }

    public Pupil? Pupil { get; set; }

    public ResponsibilityLevel Level { get; set; }

    /// <summary>SIECLE's CODE_PARENTE: 10 mother, 20 father, 37 sibling, 38 ascendant, 39 other family, 41 educator, 42 foster family, 50 guardian, 51 ASE, 70 the pupil, 90 other.</summary>
    public string? RelationshipCode { get; set; }
}
