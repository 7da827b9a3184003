namespace SupportBot.AccountDirectory.Schools.Import;

/// <summary>A school row of the file once checked: the values an import writes (never the académie's director overrides).</summary>
internal sealed record AnnuaireSchool(
    int Line,
    string Uai,
    string Name,
    string? Commune,
    string? PostalCode,
    SchoolSector Sector,
    string? Circonscription,
    string? OfficialEmail,
    bool Open)
{
    public bool Matches(School school) =>
        school.Name == Name && school.Commune == Commune && school.PostalCode == PostalCode && school.Sector == Sector
        && school.Circonscription == Circonscription && school.OfficialEmail == OfficialEmail;

    public void CopyTo(School school)
    {
        school.Name = Name;
        school.Commune = Commune;
        school.PostalCode = PostalCode;
        school.Sector = Sector;
        school.Circonscription = Circonscription;
        school.OfficialEmail = OfficialEmail;
    }
}
