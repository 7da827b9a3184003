namespace SupportBot.Migration.Input;

/// <summary>The current SIECLE data of every établissement read: pupils and responsables by UAJ:ID.</summary>
internal sealed class SiecleData(RecordKeys keys)
{
    /// <summary>The run's keys, shared with the accounts export's reader.</summary>
    public RecordKeys Keys { get; } = keys;

    public Dictionary<long, SieclePupil> Pupils { get; private set; } = [];

    public Dictionary<long, SieclePerson> Persons { get; private set; } = [];

    /// <summary>The persons read (their <see cref="SieclePerson.Index"/> is below it), still known once the keys are forgotten.</summary>
    public int PersonCount => _forgotten ? _personCount : Persons.Count;

    /// <summary>The pupils read (their <see cref="SieclePupil.Index"/> is below it), still known once the keys are forgotten.</summary>
    public int PupilCount => _forgotten ? _pupilCount : Pupils.Count;

    private bool _forgotten;
    private int _personCount;
    private int _pupilCount;

    /// <summary>
    /// Drops the dictionaries by UAJ:ID once the planner has resolved every key it reads (about 100 MB at a million
    /// accounts, and the pupils nobody links): the records the plan references stay.
    /// </summary>
    public void ForgetKeys()
    {
        if (!_forgotten)
        {
            _personCount = Persons.Count;
            _pupilCount = Pupils.Count;
            _forgotten = true;
        }

        Pupils = [];
        Persons = [];
    }
}
