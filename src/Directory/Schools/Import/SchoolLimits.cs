namespace SupportBot.AccountDirectory.Schools.Import;

/// <summary>The column sizes of <see cref="School"/> as the EF model declares them: SQL Server refuses longer values, SQLite would keep them.</summary>
internal sealed record SchoolLimits(int Name, int Commune, int PostalCode, int Circonscription)
{
    public static SchoolLimits From(DirectoryDbContextFactory factory)
    {
        using var db = factory.CreateDbContext();
        var school = db.Model.FindEntityType(typeof(School))!;
        int Max(string property) => school.FindProperty(property)!.GetMaxLength() ?? int.MaxValue;
        return new SchoolLimits(Max(nameof(School.Name)), Max(nameof(School.Commune)), Max(nameof(School.PostalCode)),
            Max(nameof(School.Circonscription)));
    }
}
