namespace SupportBot.AccountDirectory.Accounts;

public enum AccountOrigin
{
    NonRenseigne = 0,
    Etablissement = 1,
    AutoInscription = 2,
    FranceConnect = 3,
    MigrationSiecle = 4,
}
