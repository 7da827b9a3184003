namespace SupportBot.Migration.Input;

/// <summary>The current SIECLE data of every établissement read: pupils and responsables by UAJ:ID.</summary>
internal sealed class SiecleData
{
    public Dictionary<string, SieclePupil> Pupils { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SieclePerson> Persons { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Uajs { get; } = new(StringComparer.Ordinal);
}
