using System.Text;

namespace SupportBot.Testing;

/// <summary>
/// An export of the Annuaire de l'éducation as the ministry writes it (the reference extract's 69-column header,
/// <c>;</c>, UTF-8 with a byte-order mark), row by row: the data lines start at line 2.
/// </summary>
public sealed class AnnuaireCsv
{
    public static string ReferencePath { get; } =
        Path.Combine(Repository.Root, "src", "Directory", "Schools", "Reference", "annuaire-education-35.csv");

    public static string Header { get; } = File.ReadLines(ReferencePath).First().TrimStart('\uFEFF');

    private static readonly string[] Columns = Header.Split(';');

    private readonly List<string> _lines = [Header];

    /// <summary>A school row (<c>Type_etablissement</c> = <c>Ecole</c>) with the official mailbox of a public school unless told.</summary>
    public AnnuaireCsv School(string uai, string name, string commune = "Rennes", string postalCode = "35000", string sector = "Public",
        string? mail = null, string state = "OUVERT", string circonscription = "Circonscription d'inspection du 1er degré de Rennes Ouest") =>
        Row(new Dictionary<string, string>
        {
            ["Identifiant_de_l_etablissement"] = uai,
            ["Nom_etablissement"] = name,
            ["Type_etablissement"] = "Ecole",
            ["Statut_public_prive"] = sector,
            ["Code postal"] = postalCode,
            ["Nom_commune"] = commune,
            ["Mail"] = mail ?? $"ecole.{uai}@ac-rennes.fr",
            ["nom_circonscription"] = circonscription,
            ["etat"] = state,
        });

    /// <summary>Another establishment (<c>Collège</c>, <c>Lycée</c>...).</summary>
    public AnnuaireCsv Other(string uai, string name, string type) =>
        Row(new Dictionary<string, string>
        {
            ["Identifiant_de_l_etablissement"] = uai,
            ["Nom_etablissement"] = name,
            ["Type_etablissement"] = type,
            ["Statut_public_prive"] = "Public",
            ["Mail"] = $"ce.{uai}@ac-rennes.fr",
            ["etat"] = "OUVERT",
        });

    public AnnuaireCsv Row(IReadOnlyDictionary<string, string> values)
    {
        _lines.Add(string.Join(';', Columns.Select(c => values.GetValueOrDefault(c, ""))));
        return this;
    }

    /// <summary>Writes the file (UTF-8 with a byte-order mark, like the export) and gives its path.</summary>
    public string Write(string path)
    {
        File.WriteAllText(path, string.Join('\n', _lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    public override string ToString() => string.Join('\n', _lines) + "\n";
}
