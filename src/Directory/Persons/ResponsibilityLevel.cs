namespace SupportBot.AccountDirectory.Persons;

/// <summary>SIECLE's NIVEAU_RESPONSABILITE (since 2018).</summary>
public enum ResponsibilityLevel
{
    LegalRepresentative = 1,
    PersonInCharge = 2,
    Contact = 3,
}
