namespace SupportBot.AccountDirectory.Schools.Annuaire;

/// <summary>
/// One row of the Annuaire de l'éducation's CSV export, as written (nothing checked yet), with its line in the file.
/// Columns: https://data.education.gouv.fr/explore/dataset/fr-en-annuaire-education/information/
/// </summary>
public sealed record AnnuaireRow(
    int Line,
    string Uai,
    string Name,
    string Type,
    string Sector,
    string PostalCode,
    string Commune,
    string Mail,
    string Circonscription,
    string State);
