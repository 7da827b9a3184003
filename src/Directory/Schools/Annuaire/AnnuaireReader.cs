using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SupportBot.AccountDirectory.Schools.Annuaire;

/// <summary>
/// Reads the official CSV export of the Annuaire de l'éducation (<c>;</c>-separated, UTF-8 with a byte-order mark, one
/// header line of 69 columns) by column name. The header is checked when the reader is made, so a wrong file is refused
/// before anyone writes anything.
/// </summary>
public sealed class AnnuaireReader : IDisposable
{
    /// <summary>The columns SupportBot reads; the export has others, in an order that may change.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Statut_public_prive", "Code postal",
        "Nom_commune", "Mail", "nom_circonscription", "etat",
    ];

    /// <summary>The extract shipped with SupportBot (Ille-et-Vilaine, 2023-06-08), embedded in this assembly.</summary>
    public const string ReferenceName = "annuaire-education-35.csv";

    private readonly CsvReader _csv;

    public AnnuaireReader(TextReader reader, string fileName)
    {
        FileName = fileName;
        _csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            DetectColumnCountChanges = false,
            BadDataFound = null,
            MissingFieldFound = null,
        });
        if (!_csv.Read() || !_csv.ReadHeader() || _csv.HeaderRecord is not { } header)
        {
            throw new AnnuaireFormatException($"{fileName}:1: le fichier est vide ; l'export CSV de l'annuaire de l'éducation est attendu.");
        }

        // A byte-order mark that the reader did not take off (a file re-saved with another one) is not part of the name.
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var missing = Columns.Where(c => !names.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            var separator = names.Count == 1 && names[0].Contains(',', StringComparison.Ordinal) ? " (séparateur « , » au lieu de « ; » ?)" : "";
            throw new AnnuaireFormatException(
                $"{fileName}:1: ce n'est pas l'export de l'annuaire de l'éducation{separator} : colonne(s) absente(s) {string.Join(", ", missing)}.");
        }

        _indexes = Columns.Select(c => names.IndexOf(c)).ToArray();
    }

    private readonly int[] _indexes;

    public string FileName { get; }

    /// <summary>The reference extract embedded in this assembly.</summary>
    public static AnnuaireReader OpenReference()
    {
        var stream = typeof(AnnuaireReader).Assembly.GetManifestResourceStream(ReferenceName)
            ?? throw new InvalidOperationException($"The embedded resource {ReferenceName} is missing from the build.");
        return new AnnuaireReader(new StreamReader(stream), ReferenceName);
    }

    /// <summary>The rows in file order; a row too short for the columns read is given with empty values (the importer reports it).</summary>
    public IEnumerable<AnnuaireRow> Rows()
    {
        while (_csv.Read())
        {
            yield return new AnnuaireRow(
                _csv.Parser.RawRow,
                Field(0), Field(1), Field(2), Field(3), Field(4), Field(5), Field(6), Field(7), Field(8));
        }
    }

    public void Dispose() => _csv.Dispose();

    private string Field(int column) =>
        _indexes[column] < _csv.Parser.Count ? (_csv.Parser[_indexes[column]] ?? "").Trim() : "";
}
