using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Schools.Annuaire;

namespace SupportBot.Bot.Schools;

/// <summary>The schools of an annuaire export as the search takes them, for searching a file without a directory.</summary>
internal static class AnnuaireSchools
{
    /// <summary>
    /// The rows of type <c>Ecole</c> that are still open: <c>OUVERT</c>, and <c>A FERMER</c>, which takes pupils until
    /// the day it closes.
    /// </summary>
    public static IEnumerable<SchoolEntry> Read(AnnuaireReader reader)
    {
        foreach (var row in reader.Rows())
        {
            if (row.Type == "Ecole" && Uai.IsValid(row.Uai) && !row.State.StartsWith("FERM", StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrWhiteSpace(row.Name))
            {
                yield return new SchoolEntry(row.Uai.ToUpperInvariant(), row.Name, NullIfEmpty(row.Commune), NullIfEmpty(row.PostalCode),
                    row.Sector switch
                    {
                        "Public" => SchoolSector.Public,
                        "Privé" => SchoolSector.Private,
                        _ => null,
                    });
            }
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
