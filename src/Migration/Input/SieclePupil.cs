namespace SupportBot.Migration.Input;

/// <summary>A pupil of one établissement's BEE_ELEVES export.</summary>
internal sealed class SieclePupil : SiecleRecord
{
    /// <summary>ELEVE_ID, the part of UAJ:ELEVE_ID after the UAJ, made on demand.</summary>
    public string EleveId => Id;

    public string? Ine { get; init; }

    public required string FamilyName { get; init; }

    public string? UsageName { get; init; }

    public required string FirstNames { get; init; }

    public DateOnly BirthDate { get; init; }

    /// <summary>DATE_SORTIE is filled: the pupil has left the établissement.</summary>
    public bool HasLeft { get; init; }

    public string? ClassName { get; set; }

    public int Line { get; init; }

    /// <summary>Its rank among the pupils read (set by the merge): the planner and the writer keep what they know of it in arrays by it.</summary>
    public int Index { get; set; }
}
