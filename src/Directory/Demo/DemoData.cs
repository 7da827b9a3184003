using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Pupils;
using SupportBot.AccountDirectory.Schools;

namespace SupportBot.AccountDirectory.Demo;

/// <summary>
/// The README's walkthrough data. The values are fixed (identifiers included, which are not regenerated) because
/// the walkthrough and other checks rely on them. Seeding is idempotent: what exists is left as it is.
/// </summary>
internal sealed class DemoData(DirectoryDbContext db, AccountService accounts, TimeProvider time)
{
    /// <summary>« Ecole élémentaire publique Jean Moulin », Rennes: a real school of the embedded annuaire extract.</summary>
    public const string SchoolUai = "0352207J";

    /// <summary>The password of the demo's activated accounts, so the walkthrough can sign in.</summary>
    public const string ActivatedAccountsPassword = "Toutatice2026";

    private sealed record DemoParent(
        string Civility, string FirstName, string FamilyName, string Identifier, AccountStatus Status, AccountOrigin Origin,
        string? Email, bool EmailConfirmed, string? Mobile, (string FirstNames, string FamilyName, DateOnly BirthDate, string ClassName)[] Children);

    private static readonly DemoParent[] Parents =
    [
        new("MME", "Valéry", "DURANT", "v.durant1", AccountStatus.Active, AccountOrigin.AutoInscription,
            "valery.durant@example.fr", true, "+33612345678", [("Alexis", "DURAND", new DateOnly(2016, 3, 12), "CM1")]),
        new("M.", "Guillaume", "ZOUMN", "g.zoumn", AccountStatus.Active, AccountOrigin.Etablissement,
            "guillaume.zoumn@example.fr", true, "+33623456789",
            [("Léa", "ZOUMN", new DateOnly(2015, 5, 4), "CM2"), ("Noé", "ZOUMN", new DateOnly(2018, 9, 21), "CE1")]),
        new("M.", "Guillaume", "AVLISAD", "g.avlisad6", AccountStatus.NotifieNonActive, AccountOrigin.Etablissement,
            null, false, "+33634567890", [("Inès", "AVLISAD", new DateOnly(2017, 1, 30), "CE2")]),
        new("M.", "Guillaume", "REABU", "g.reabu5", AccountStatus.NonNotifie, AccountOrigin.Etablissement,
            null, false, null, [("Hugo", "REABU", new DateOnly(2019, 11, 2), "CP")]),
        new("M.", "Guillaume", "EHCAMA", "g.ehcama", AccountStatus.EnCoursActivation, AccountOrigin.AutoInscription,
            "guillaume.ehcama@example.fr", false, "+33645678901", [("Chloé", "EHCAMA", new DateOnly(2016, 7, 14), "CM1")]),
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();

        // The embedded extract's row when it was loaded, else one with that row's values (Directory:ReferenceSchools=Never).
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Uai == SchoolUai, cancellationToken);
        if (school is null)
        {
            school = School.Create(SchoolUai, "Ecole élémentaire publique Jean Moulin", commune: "Rennes",
                officialEmail: "ecole.0352207J@ac-rennes.fr", postalCode: "35000", sector: SchoolSector.Public);
            school.Circonscription = "Circonscription d'inspection du 1er degré de Rennes Ouest";
            db.Schools.Add(school);
        }

        var created = 0;
        foreach (var parent in Parents)
        {
            if (await db.Accounts.AnyAsync(a => a.Identifier == parent.Identifier, cancellationToken))
            {
                continue;
            }

            var account = new Account
            {
                Identifier = parent.Identifier,
                Status = parent.Status,
                Origin = parent.Origin,
                Email = parent.Email,
                EmailConfirmed = parent.EmailConfirmed,
                CreatedAt = now,
                ActivatedAt = parent.Status == AccountStatus.Active ? now : null,
            };
            if (parent.Status == AccountStatus.Active)
            {
                accounts.SetPassword(account, ActivatedAccountsPassword);
            }

            var person = new Person
            {
                Civility = parent.Civility,
                FirstName = parent.FirstName,
                FamilyName = parent.FamilyName,
                MobilePhone = parent.Mobile,
                Email = parent.Email,
                Account = account,
            };
            foreach (var child in parent.Children)
            {
                var pupil = new Pupil
                {
                    FirstNames = child.FirstNames,
                    FamilyName = child.FamilyName,
                    BirthDate = child.BirthDate,
                    School = school,
                    ClassName = child.ClassName,
                };
                person.Pupils.Add(new PersonPupilLink
                {
                    Pupil = pupil,
                    Level = ResponsibilityLevel.LegalRepresentative,
                    RelationshipCode = parent.Civility == "MME" ? "10" : "20",
                });
            }

            db.Persons.Add(person);
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
