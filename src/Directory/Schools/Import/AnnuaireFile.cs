using SupportBot.AccountDirectory.Schools.Annuaire;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Schools.Import;

/// <summary>
/// An export read and checked by <see cref="SchoolImporter.ReadFile"/>, nothing written yet: its rows sorted into schools
/// to import, other establishments, and rejected rows. <see cref="SchoolImporter.ImportAsync(AnnuaireFile, bool, IProgress{SchoolImportProgress}?, CancellationToken)"/> writes it.
/// </summary>
public sealed class AnnuaireFile
{
    private const string SchoolType = "Ecole";

    // Every school row with a well-formed UAI, rejected or not, by UAI: its first line.
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly List<SchoolImportRejection> _rejected = [];
    private readonly HashSet<string> _departements = new(StringComparer.Ordinal);

    internal AnnuaireFile(string fileName) => FileName = fileName;

    public string FileName { get; }

    /// <summary>Data rows read (the header not counted).</summary>
    public int Rows { get; private set; }

    /// <summary>Rows of other establishments than schools.</summary>
    public int Skipped { get; private set; }

    public IReadOnlyList<SchoolImportRejection> Rejected => _rejected;

    /// <summary>The first three characters of the UAIs of the file's school rows: the départements it covers.</summary>
    public IReadOnlySet<string> Departements => _departements;

    internal List<AnnuaireSchool> Schools { get; } = [];

    /// <summary>Whether the file has a school row for <paramref name="uai"/>, even a rejected one (its school is then left as it is).</summary>
    internal bool Lists(string uai) => _lines.ContainsKey(uai);

    internal void Add(AnnuaireRow row, SchoolLimits limits)
    {
        Rows++;
        if (!string.Equals(row.Type, SchoolType, StringComparison.OrdinalIgnoreCase))
        {
            Skipped++;
            return;
        }

        var problems = new List<string>();
        var uai = "";
        try
        {
            uai = Uai.Normalize(row.Uai);
        }
        catch (DirectoryValidationException e)
        {
            problems.Add($"Identifiant_de_l_etablissement : {e.Reason}");
        }

        if (uai.Length > 0)
        {
            if (_lines.TryGetValue(uai, out var first))
            {
                Reject(row.Line, $"Identifiant_de_l_etablissement : l'école {uai} figure déjà ligne {first} ; cette ligne-ci est ignorée.");
                return;
            }

            _lines[uai] = row.Line;
            _departements.Add(uai[..3]);
        }

        if (row.Name.Length == 0)
        {
            problems.Add("Nom_etablissement : le nom de l'école est vide.");
        }

        CheckLength(problems, "Nom_etablissement", row.Name, limits.Name);
        CheckLength(problems, "Nom_commune", row.Commune, limits.Commune);
        CheckLength(problems, "Code postal", row.PostalCode, limits.PostalCode);
        CheckLength(problems, "nom_circonscription", row.Circonscription, limits.Circonscription);
        SchoolSector? sector = row.Sector.ToUpperInvariant() switch
        {
            "PUBLIC" => SchoolSector.Public,
            "PRIVÉ" or "PRIVE" => SchoolSector.Private,
            _ => null,
        };
        if (sector is null)
        {
            problems.Add($"Statut_public_prive : « {row.Sector} » au lieu de Public ou Privé.");
        }

        var mail = "";
        if (row.Mail.Length > 0 && !EmailAddresses.TryNormalize(row.Mail, out mail))
        {
            problems.Add($"Mail : « {row.Mail} » n'est pas une adresse électronique valide.");
        }

        if (problems.Count > 0)
        {
            Reject(row.Line, string.Join(" ; ", problems));
            return;
        }

        Schools.Add(new AnnuaireSchool(row.Line, uai, row.Name, Optional(row.Commune), Optional(row.PostalCode), sector!.Value,
            Optional(row.Circonscription), Optional(mail), string.Equals(row.State, "OUVERT", StringComparison.OrdinalIgnoreCase)));
    }

    private void Reject(int line, string reason) => _rejected.Add(new SchoolImportRejection(FileName, line, reason));

    private static void CheckLength(List<string> problems, string column, string value, int max)
    {
        if (value.Length > max)
        {
            problems.Add($"{column} : {value.Length} caractères, {max} au plus.");
        }
    }

    private static string? Optional(string value) => value.Length == 0 ? null : value;
}
