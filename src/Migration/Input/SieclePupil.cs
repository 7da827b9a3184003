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

    /// <summary>Set by the planner when some account links it (it is then written).</summary>
    public bool Planned { get; set; }

    /// <summary>The directory's Pupils.Id, once the writer has found or inserted the row.</summary>
    public int DirectoryId { get; set; }
}
