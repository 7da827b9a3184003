using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Schools;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Schools;

/// <summary>The service over a real SQLite directory: open schools only, and a rebuild when another process changes them.</summary>
public sealed class SchoolSearchTests : IAsyncLifetime
{
    private TestDirectory _directory = null!;

    public async ValueTask InitializeAsync() => _directory = await TestDirectory.CreateAsync();

    public async ValueTask DisposeAsync() => await _directory.DisposeAsync();

    [Fact]
    public async Task FindAsync_SearchesTheOpenSchoolsOnly()
    {
        await AddAsync(School.Create("0351267M", "Ecole primaire privée St Joseph", "Corps-Nuds", sector: SchoolSector.Private));
        var closed = School.Create("0350208L", "Ecole primaire publique Jacques-Yves Cousteau", "Corps-Nuds", sector: SchoolSector.Public);
        closed.ClosedAt = _directory.Time.GetUtcNow();
        await AddAsync(closed);
        var search = CreateSearch();

        var byCommune = await search.FindAsync("corps nuds", TestContext.Current.CancellationToken);
        var closedOne = await search.FindAsync("jacques yves cousteau", TestContext.Current.CancellationToken);

        Assert.Equal(SchoolDecision.One, byCommune.Decision);
        Assert.Equal("0351267M", byCommune.Candidates[0].School.Uai);
        Assert.Equal(SchoolDecision.None, closedOne.Decision);
    }

    [Fact]
    public async Task SchoolsAddedByAnotherProcess_SeenOnceTheCheckIntervalHasPassed()
    {
        await AddAsync(School.Create("0350165P", "Ecole élémentaire publique de Cardroc", "Cardroc"));
        var search = CreateSearch();
        var before = await search.FindAsync("les lucioles baulon", TestContext.Current.CancellationToken);

        await AddAsync(School.Create("0350122T", "Ecole primaire publique les Lucioles", "Baulon", postalCode: "35580"));
        _directory.Time.Advance(SchoolSearch.CheckInterval - TimeSpan.FromSeconds(1));
        var tooSoon = await search.FindAsync("les lucioles baulon", TestContext.Current.CancellationToken);
        _directory.Time.Advance(TimeSpan.FromSeconds(2));
        var after = await search.FindAsync("les lucioles baulon", TestContext.Current.CancellationToken);

        Assert.Equal(SchoolDecision.None, before.Decision);
        Assert.Equal(SchoolDecision.None, tooSoon.Decision);
        Assert.Equal(SchoolDecision.One, after.Decision);
        Assert.Equal("0350122T", after.Candidates[0].School.Uai);
    }

    [Fact]
    public async Task SchoolClosedByAnotherProcess_GoneAfterTheCheckInterval()
    {
        await AddAsync(School.Create("0350165P", "Ecole élémentaire publique de Cardroc", "Cardroc"));
        await AddAsync(School.Create("0350122T", "Ecole primaire publique les Lucioles", "Baulon"));
        var search = CreateSearch();
        var before = await search.FindAsync("cardroc", TestContext.Current.CancellationToken);

        await using (var scope = _directory.Scope())
        {
            var db = _directory.Get<DirectoryDbContext>(scope);
            await db.Schools.Where(s => s.Uai == "0350165P")
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedAt, _directory.Time.GetUtcNow()), TestContext.Current.CancellationToken);
        }

        _directory.Time.Advance(SchoolSearch.CheckInterval);
        var after = await search.FindAsync("cardroc", TestContext.Current.CancellationToken);

        Assert.Equal(SchoolDecision.One, before.Decision);
        Assert.Equal(SchoolDecision.None, after.Decision);
    }

    [Fact]
    public async Task UnchangedSchools_SameIndexKept()
    {
        await AddAsync(School.Create("0350165P", "Ecole élémentaire publique de Cardroc", "Cardroc"));
        var search = CreateSearch();
        var first = await search.IndexAsync(TestContext.Current.CancellationToken);

        _directory.Time.Advance(SchoolSearch.CheckInterval * 3);
        var later = await search.IndexAsync(TestContext.Current.CancellationToken);

        Assert.Same(first, later);
    }

    [Fact]
    public void AddSchoolSearch_RegistersOneSearchForTheService()
    {
        var services = new ServiceCollection().AddSchoolSearch();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(SchoolSearch));

        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    private SchoolSearch CreateSearch() => ActivatorUtilities.CreateInstance<SchoolSearch>(_directory.Services);

    private async Task AddAsync(School school)
    {
        school.ImportedAt = _directory.Time.GetUtcNow();
        await using var scope = _directory.Scope();
        var db = _directory.Get<DirectoryDbContext>(scope);
        db.Schools.Add(school);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
