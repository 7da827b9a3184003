using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Demo;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task SqliteFile_SurvivesARestart_WithoutSeedingTwice()
    {
        var first = await TestDirectory.CreateAsync(seedDemo: true);
        string reference;
        await using (var scope = first.Scope())
        {
            var account = await first.Get<AccountService>(scope)
                .CreateAsync(Person.Create("Anne", "Le Goff", "06 00 00 00 01"), AccountOrigin.AutoInscription, AccountStatus.EnCoursActivation);
            reference = (await first.Get<DirectorCaseService>(scope)
                .OpenAsync(new NewDirectorCase(DirectorCaseKind.PhoneMismatch, "webchat", SchoolGiven: DemoData.SchoolUai, PhoneGiven: "06 00 00 00 02"))).Case!.Reference;
            Assert.Equal("a.legoff", account.Identifier);
        }

        var folder = await first.ShutDownKeepingFilesAsync();
        await using var second = await TestDirectory.CreateAsync(folder: folder, seedDemo: true);
        await using var check = second.Scope();
        var db = second.Get<DirectoryDbContext>(check);

        var legoff = await db.Accounts.Include(a => a.Persons).SingleAsync(a => a.Identifier == "a.legoff");
        Assert.Equal("+33600000001", Assert.Single(legoff.Persons).MobilePhone);
        Assert.Equal(6, await db.Accounts.CountAsync());
        Assert.Equal(1, await db.Schools.CountAsync());
        var directorCase = await second.Get<DirectorCaseService>(check).FindAsync(reference.ToLowerInvariant());
        Assert.NotNull(directorCase);
        Assert.Equal(DemoData.SchoolUai, directorCase.School?.Uai);
        Assert.Equal("+33600000002", directorCase.PhoneGiven);
    }

    [Fact]
    public async Task DemoData_HoldsTheWalkthroughsExactValues()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var db = directory.Get<DirectoryDbContext>(scope);

        var accounts = await db.Accounts.Include(a => a.Persons).ThenInclude(p => p.Pupils).ThenInclude(l => l.Pupil)
            .OrderBy(a => a.Identifier).ToListAsync();

        Assert.Equal(["g.avlisad6", "g.ehcama", "g.reabu5", "g.zoumn", "v.durant1"], accounts.Select(a => a.Identifier));
        var durant = accounts.Single(a => a.Identifier == "v.durant1");
        Assert.Equal(("valery.durant@example.fr", true, AccountStatus.Active), (durant.Email, durant.EmailConfirmed, durant.Status));
        var person = Assert.Single(durant.Persons);
        Assert.Equal(("MME", "Valéry", "DURANT", "+33612345678"), (person.Civility, person.FirstName, person.FamilyName, person.MobilePhone));
        var alexis = Assert.Single(person.Pupils).Pupil!;
        Assert.Equal(("Alexis", "DURAND", new DateOnly(2016, 3, 12)), (alexis.FirstNames, alexis.FamilyName, alexis.BirthDate));
        Assert.Equal(2, accounts.Single(a => a.Identifier == "g.zoumn").Persons.Single().Pupils.Count);
        Assert.Equal((AccountStatus.NotifieNonActive, (string?)null), accounts.Single(a => a.Identifier == "g.avlisad6") is var a6 ? (a6.Status, a6.Email) : default);
        Assert.Equal(AccountStatus.NonNotifie, accounts.Single(a => a.Identifier == "g.reabu5").Status);
        var ehcama = accounts.Single(a => a.Identifier == "g.ehcama");
        Assert.Equal((AccountStatus.EnCoursActivation, false), (ehcama.Status, ehcama.EmailConfirmed));
        var school = await db.Schools.SingleAsync();
        Assert.Equal(("0352207J", "Ecole élémentaire publique Jean Moulin", "Rennes", "35000", SchoolSector.Public),
            (school.Uai, school.Name, school.Commune, school.PostalCode, school.Sector));
        Assert.Equal(("ecole.0352207j@ac-rennes.fr", (string?)null, (string?)null), (school.OfficialEmail, school.DirectorName, school.DirectorEmail));
        Assert.Equal("ecole.0352207j@ac-rennes.fr", school.DirectorMailbox);
        Assert.True(school.IsOpen);
    }
}
