namespace SupportBot.Migration.Input;

/// <summary>The current SIECLE data of every établissement read: pupils and responsables by UAJ:ID.</summary>
internal sealed class SiecleData
{
    public Dictionary<string, SieclePupil> Pupils { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, SieclePerson> Persons { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>The persons read (their <see cref="SieclePerson.Index"/> is below it), still known once the keys are forgotten.</summary>
    public int PersonCount { get; private set; }

    /// <summary>
    /// Drops the dictionaries by UAJ:ID once the planner has resolved every key it reads (about 100 MB at a million
    /// accounts, and the pupils nobody links): the records the plan references stay.
    /// </summary>
    public void ForgetKeys()
    {
        PersonCount = Persons.Count;
        Pupils = new(StringComparer.Ordinal);
        Persons = new(StringComparer.Ordinal);
    }

    public SortedSet<string> Uajs { get; } = new(StringComparer.Ordinal);
}
