using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Demo;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Schools;

/// <summary>The embedded annuaire extract on first run (<c>Directory:ReferenceSchools</c>), and the demo school that comes from it.</summary>
public sealed class ReferenceSchoolsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Auto = new() { ["Directory:ReferenceSchools"] = "Auto" };

    [Fact]
    public async Task FirstRun_LoadsTheExtractThenTheDemoOnItsJeanMoulinRow()
    {
        await using var directory = await TestDirectory.CreateAsync(new Dictionary<string, string?>(Auto) { ["Directory:DemoData"] = "Auto" });
        await using var scope = directory.Scope();
        var db = directory.Get<DirectoryDbContext>(scope);

        Assert.Equal(685, await db.Schools.CountAsync(Token));
        Assert.Equal(5, await db.Accounts.CountAsync(Token));
        var demoSchool = await db.Schools.SingleAsync(s => s.Uai == DemoData.SchoolUai, Token);
        Assert.Equal(("Ecole élémentaire publique Jean Moulin", "ecole.0352207j@ac-rennes.fr"), (demoSchool.Name, demoSchool.DirectorMailbox));
        Assert.Equal(directory.Time.GetUtcNow(), demoSchool.ImportedAt);
        Assert.Equal(6, await db.Pupils.CountAsync(p => p.SchoolId == demoSchool.Id, Token));
        Assert.Equal(6, await db.Pupils.CountAsync(Token));
    }

    [Fact]
    public async Task ReferenceSchoolsNever_LeavesTheDirectoryWithoutSchools()
    {
        await using var directory = await TestDirectory.CreateAsync(new Dictionary<string, string?> { ["Directory:ReferenceSchools"] = "Never" });
        await using var scope = directory.Scope();

        Assert.False(await directory.Get<DirectoryDbContext>(scope).Schools.AnyAsync(Token));
    }

    [Fact]
    public async Task ReferenceSchoolsNever_DemoCreatesJeanMoulinWithTheExtractsValues()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();

        var school = await directory.Get<DirectoryDbContext>(scope).Schools.SingleAsync(Token);

        Assert.Equal(("0352207J", "Ecole élémentaire publique Jean Moulin", "Rennes", "35000", SchoolSector.Public),
            (school.Uai, school.Name, school.Commune, school.PostalCode, school.Sector));
        Assert.Equal(("Circonscription d'inspection du 1er degré de Rennes Ouest", "ecole.0352207j@ac-rennes.fr"), (school.Circonscription, school.OfficialEmail));
        Assert.Null(school.ImportedAt);
    }

    [Fact]
    public async Task LaterStarts_DoNotLoadTheExtractAgain()
    {
        var first = await TestDirectory.CreateAsync(Auto);
        await using (var scope = first.Scope())
        {
            await first.Get<DirectoryDbContext>(scope).Schools.Where(s => s.Uai == "0350667K")
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Ecole maternelle Jean Moulin (renommée)"), Token);
        }

        var folder = await first.ShutDownKeepingFilesAsync();
        await using var second = await TestDirectory.CreateAsync(Auto, folder);
        await using var check = second.Scope();
        var db = second.Get<DirectoryDbContext>(check);

        Assert.Equal(685, await db.Schools.CountAsync(Token));
        Assert.Equal("Ecole maternelle Jean Moulin (renommée)", (await db.Schools.SingleAsync(s => s.Uai == "0350667K", Token)).Name);
    }

    [Fact]
    public async Task DirectoryWithSchoolsAlready_IsNotGivenTheExtract()
    {
        var first = await TestDirectory.CreateAsync(seedDemo: true);
        var folder = await first.ShutDownKeepingFilesAsync();

        await using var second = await TestDirectory.CreateAsync(Auto, folder);
        await using var scope = second.Scope();

        Assert.Equal(1, await second.Get<DirectoryDbContext>(scope).Schools.CountAsync(Token));
    }
}
