namespace SupportBot.Migration.Input;

/// <summary>
/// The RATTACHEMENT lines of every legacy account, in the order read, in flat chunks: account a's are
/// <c>[a.AttachmentStart, a.AttachmentStart + a.AttachmentCount)</c>. An array per account was a million small
/// objects; once rule 3's stale attachments are reported, only the pupils stay (rapprochement counts need them).
/// </summary>
internal sealed class LegacyAttachments
{
    private readonly Chunked<long> _pupils = new();
    private Chunked<long>? _persons = new();
    private Chunked<int>? _lines = new();

    public int Count => _pupils.Count;

    public void Add(long pupilKey, long personKey, int line)
    {
        _pupils.Add(pupilKey);
        _persons!.Add(personKey);
        _lines!.Add(line);
    }

    /// <summary>Forgets the last <paramref name="count"/> lines (those of an account read and then set aside).</summary>
    public void DropLast(int count)
    {
        _pupils.DropLast(count);
        _persons!.DropLast(count);
        _lines!.DropLast(count);
    }

    /// <summary>UAJ:ELEVE_ID of the pupil (see <see cref="RecordKeys"/>).</summary>
    public long PupilKey(int index) => _pupils[index];

    /// <summary>UAJ:PERSONNE_ID of the person attached (until <see cref="KeepPupilsOnly"/>).</summary>
    public long PersonKey(int index) => _persons![index];

    public int Line(int index) => _lines![index];

    public void KeepPupilsOnly()
    {
        _persons = null;
        _lines = null;
    }
}

/// <summary>What ComptesTeleservices.xml gave: its accounts, and their attachments.</summary>
internal sealed class LegacyData
{
    public List<LegacyAccount> Accounts { get; } = [];

    public LegacyAttachments Attachments { get; } = new();
}
