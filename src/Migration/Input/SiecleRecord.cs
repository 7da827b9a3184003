namespace SupportBot.Migration.Input;

/// <summary>
/// A person or a pupil of a BEE export: its file and its UAJ:ID key. Exactly two 8-byte fields: the line and the
/// derived classes' other small fields pack after them without padding (millions of records).
/// </summary>
internal abstract class SiecleRecord
{
    /// <summary>The export read, which gives the UAJ, the file's name and the keys' text.</summary>
    public required SiecleSource Source { get; init; }

    public string Uaj => Source.Uaj;

    public string File => Source.File;

    /// <summary>UAJ:ID (see <see cref="RecordKeys"/>), unique across établissements.</summary>
    public long Key { get; init; }

    /// <summary>UAJ:ID as text, made on demand.</summary>
    public string KeyText => Source.Keys.ToString(Key);

    /// <summary>The ID, the part of UAJ:ID after the UAJ, made on demand.</summary>
    protected string Id => Source.Keys.Id(Key);

    /// <summary>In the ordinal order of the UAJ:ID strings, the order of identifiers and reports.</summary>
    public static int CompareKeys(SiecleRecord? a, SiecleRecord? b) => a!.Source.Keys.Compare(a.Key, b!.Key);
}
