namespace SupportBot.Migration.Input;

/// <summary>One BEE export read: what its records share (one reference each instead of a UAJ and a file name).</summary>
internal sealed class SiecleSource(string file, string uaj, RecordKeys keys)
{
    /// <summary>The file's name as reports give it (<c>ExportXML_x.zip!ResponsablesAvecAdresses.xml</c>).</summary>
    public string File { get; } = file;

    /// <summary>PARAMETRES/UAJ, normalised.</summary>
    public string Uaj { get; } = uaj;

    public RecordKeys Keys { get; } = keys;

    /// <summary><see cref="Uaj"/>'s rank in <see cref="Keys"/>.</summary>
    public int Rank { get; } = keys.Rank(uaj);

    /// <summary>The key of this UAJ and <paramref name="id"/>.</summary>
    public long Key(string id) => Keys.Key(Rank, Uaj, id);
}
