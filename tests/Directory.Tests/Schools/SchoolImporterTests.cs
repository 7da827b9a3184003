using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Schools.Annuaire;
using SupportBot.AccountDirectory.Schools.Import;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Schools;

public sealed class SchoolImporterTests : IAsyncLifetime
{
    private TestDirectory _directory = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _directory = await TestDirectory.CreateAsync();

    public async ValueTask DisposeAsync() => await _directory.DisposeAsync();

    [Fact]
    public async Task ReferenceExtract_Adds685SchoolsWithTheirSectorsAndOfficialMailboxes()
    {
        var result = await Importer.ImportReferenceAsync(cancellationToken: Token);

        Assert.Equal((996, 685, 0, 0, 311, 0), (result.Rows, result.Added, result.Updated, result.Unchanged, result.Skipped, result.Rejected.Count));
        Assert.Equal((1, 0, 0), (result.ClosedInFile, result.ClosedMissing, result.Reopened));
        Assert.Equal(["035"], result.Departements);
        Assert.Equal("annuaire-education-35.csv", result.FileName);
        var schools = await SchoolsAsync();
        Assert.Equal(685, schools.Count);
        Assert.Equal(421, schools.Count(s => s.Sector == SchoolSector.Public));
        Assert.Equal(264, schools.Count(s => s.Sector == SchoolSector.Private));
        var jeanMoulin = schools.Single(s => s.Uai == "0352207J");
        Assert.Equal(("Ecole élémentaire publique Jean Moulin", "Rennes", "35000", SchoolSector.Public),
            (jeanMoulin.Name, jeanMoulin.Commune, jeanMoulin.PostalCode, jeanMoulin.Sector));
        Assert.Equal("Circonscription d'inspection du 1er degré de Rennes Ouest", jeanMoulin.Circonscription);
        Assert.Equal("ecole.0352207j@ac-rennes.fr", jeanMoulin.OfficialEmail);
        Assert.Equal("ecole.0352207j@ac-rennes.fr", jeanMoulin.DirectorMailbox);
        Assert.Equal((null, null, _directory.Time.GetUtcNow()), (jeanMoulin.DirectorEmail, jeanMoulin.ClosedAt, jeanMoulin.ImportedAt));
        var stJoseph = schools.Single(s => s.Uai == "0351516H");
        Assert.Equal(("Ecole primaire privée St Joseph", SchoolSector.Private, "ec.0351516h@ac-rennes.fr"), (stJoseph.Name, stJoseph.Sector, stJoseph.OfficialEmail));
        Assert.Equal("0351383N", Assert.Single(schools, s => !s.IsOpen).Uai);
        Assert.DoesNotContain(schools, s => s.Uai == "0352072M");
        Assert.Equal(685, schools.Select(s => s.Uai).Distinct().Count());
    }

    [Fact]
    public async Task SameFileTwice_SecondRunWritesNothingAndSaysSo()
    {
        var first = await Importer.ImportReferenceAsync(cancellationToken: Token);
        var importedAt = _directory.Time.GetUtcNow();
        _directory.Time.Advance(TimeSpan.FromDays(1));

        var second = await Importer.ImportReferenceAsync(cancellationToken: Token);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal((0, 0, 685, 0, 0), (second.Added, second.Updated, second.Unchanged, second.Closed, second.Reopened));
        Assert.All(await SchoolsAsync(), s => Assert.Equal(importedAt, s.ImportedAt));
    }

    [Fact]
    public async Task SchoolMissingFromALaterFile_IsClosedNotDeletedAndKeepsItsCases()
    {
        await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin").School("0350667K", "Ecole maternelle publique Jean Moulin"));
        var reference = await OpenCaseAsync("0350667K");
        _directory.Time.Advance(TimeSpan.FromDays(30));

        var result = await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin"));

        Assert.Equal((1, 1, 0), (result.ClosedMissing, result.Unchanged, result.Added));
        var maternelle = (await SchoolsAsync()).Single(s => s.Uai == "0350667K");
        Assert.Equal(_directory.Time.GetUtcNow(), maternelle.ClosedAt);
        Assert.True((await SchoolsAsync()).Single(s => s.Uai == "0352207J").IsOpen);
        await using var scope = _directory.Scope();
        var directorCase = await _directory.Get<DirectorCaseService>(scope).FindAsync(reference, Token);
        Assert.Equal(maternelle.Id, directorCase!.SchoolId);
    }

    [Fact]
    public async Task SchoolBackInTheFile_IsReopened()
    {
        var both = new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin").School("0350667K", "Ecole maternelle publique Jean Moulin");
        await ImportAsync(both);
        await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin"));

        var result = await ImportAsync(both);

        Assert.Equal((1, 0, 2, 0), (result.Reopened, result.Updated, result.Unchanged, result.Closed));
        Assert.All(await SchoolsAsync(), s => Assert.True(s.IsOpen));
    }

    [Theory]
    [InlineData("A FERMER")]
    [InlineData("FERME")]
    public async Task NotOuvertInTheFile_IsClosedThenReopenedWhenOuvertAgain(string state)
    {
        await ImportAsync(new AnnuaireCsv().School("0351383N", "Ecole primaire privée Ste Catherine de Sienne", sector: "Privé", mail: "ec.0351383N@ac-rennes.fr"));

        var closing = await ImportAsync(new AnnuaireCsv()
            .School("0351383N", "Ecole primaire privée Ste Catherine de Sienne", sector: "Privé", mail: "ec.0351383N@ac-rennes.fr", state: state)
            .School("0352207J", "Ecole élémentaire publique Jean Moulin", state: state));
        var closedAt = _directory.Time.GetUtcNow();
        _directory.Time.Advance(TimeSpan.FromDays(1));
        var again = await ImportAsync(new AnnuaireCsv()
            .School("0351383N", "Ecole primaire privée Ste Catherine de Sienne", sector: "Privé", mail: "ec.0351383N@ac-rennes.fr", state: state)
            .School("0352207J", "Ecole élémentaire publique Jean Moulin", state: state));
        var closedSchools = await SchoolsAsync();
        var reopening = await ImportAsync(new AnnuaireCsv()
            .School("0351383N", "Ecole primaire privée Ste Catherine de Sienne", sector: "Privé", mail: "ec.0351383N@ac-rennes.fr")
            .School("0352207J", "Ecole élémentaire publique Jean Moulin"));

        Assert.Equal((1, 2, 0, 1), (closing.Added, closing.ClosedInFile, closing.ClosedMissing, closing.Unchanged));
        Assert.False(again.Changed);
        Assert.All(closedSchools, s => Assert.Equal(closedAt, s.ClosedAt));
        Assert.Equal((2, 0), (reopening.Reopened, reopening.Closed));
        Assert.All(await SchoolsAsync(), s => Assert.True(s.IsOpen));
    }

    [Fact]
    public async Task AnotherDepartementsFile_ClosesNothingOutsideItsDepartements()
    {
        await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin"));

        var morbihan = await ImportAsync(new AnnuaireCsv()
            .School("0560001A", "Ecole élémentaire publique de Vannes", commune: "Vannes", postalCode: "56000")
            .Other("0561234B", "Collège de Vannes", "Collège"));

        Assert.Equal(["056"], morbihan.Departements);
        Assert.Equal((1, 0, 1), (morbihan.Added, morbihan.Closed, morbihan.Skipped));
        Assert.All(await SchoolsAsync(), s => Assert.True(s.IsOpen));
    }

    [Fact]
    public async Task NonSchoolRowsOnly_CloseNothing()
    {
        await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin"));

        var result = await ImportAsync(new AnnuaireCsv().Other("0350025M", "Collège Anne de Bretagne", "Collège"));

        Assert.Equal((1, 0, 0), (result.Skipped, result.Closed, result.Departements.Count));
        Assert.True(Assert.Single(await SchoolsAsync()).IsOpen);
    }

    [Fact]
    public async Task DirectorOverrides_AreNeverOverwritten()
    {
        await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin"));
        await using (var db = _directory.Services.GetRequiredService<DirectoryDbContextFactory>().CreateDbContext())
        {
            await db.Schools.ExecuteUpdateAsync(s => s.SetProperty(x => x.DirectorName, "Mme Anne LE GOFF").SetProperty(x => x.DirectorEmail, "direction.jean-moulin@example.fr"), Token);
        }

        var result = await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire Jean Moulin", mail: "ce.0352207J@ac-rennes.fr"));

        Assert.Equal(1, result.Updated);
        var school = Assert.Single(await SchoolsAsync());
        Assert.Equal(("Ecole élémentaire Jean Moulin", "ce.0352207j@ac-rennes.fr"), (school.Name, school.OfficialEmail));
        Assert.Equal(("Mme Anne LE GOFF", "direction.jean-moulin@example.fr"), (school.DirectorName, school.DirectorEmail));
        Assert.Equal("direction.jean-moulin@example.fr", school.DirectorMailbox);
    }

    [Fact]
    public async Task SchoolNoImportWrote_IsNotClosedForBeingAbsentButIsWrittenWhenListed()
    {
        await using (var scope = _directory.Scope())
        {
            var db = _directory.Get<DirectoryDbContext>(scope);
            db.Schools.Add(School.Create("0350999X", "Établissement 0350999X"));
            db.Schools.Add(School.Create("0352207J", "Établissement 0352207J", directorName: "Mme Anne LE GOFF"));
            await db.SaveChangesAsync(Token);
        }

        var result = await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin"));
        var again = await ImportAsync(new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin"));

        Assert.Equal((0, 1, 0), (result.Added, result.Updated, result.Closed));
        Assert.False(again.Changed);
        var schools = await SchoolsAsync();
        Assert.True(schools.Single(s => s.Uai == "0350999X").IsOpen);
        var jeanMoulin = schools.Single(s => s.Uai == "0352207J");
        Assert.Equal(("Ecole élémentaire publique Jean Moulin", "Mme Anne LE GOFF"), (jeanMoulin.Name, jeanMoulin.DirectorName));
        Assert.NotNull(jeanMoulin.ImportedAt);
    }

    [Fact]
    public async Task BadRows_AreReportedAsFileColonLineWhileTheOthersImport()
    {
        await ImportAsync(new AnnuaireCsv().School("0350667K", "Ecole maternelle publique Jean Moulin"));
        var path = new AnnuaireCsv()
            .School("0352207J", "Ecole élémentaire publique Jean Moulin")
            .School("035220J", "Ecole au code trop court")
            .School("0350667K", "")
            .School("0351516H", "Ecole primaire privée St Joseph", sector: "Privée", mail: "ec.0351516H@@ac-rennes.fr")
            .School("0352207J", "Ecole élémentaire publique Jean Moulin (bis)")
            .School("0350122T", new string('A', 201))
            .Other("035XXXXX", "Ligne sans intérêt", "Collège")
            .School("0350165P", "Ecole élémentaire publique de Cardroc", commune: "Cardroc", postalCode: "35190", mail: "")
            .Write(Path.Combine(_directory.Folder, "annuaire.csv"));

        var result = await Importer.ImportAsync(Importer.ReadFile(path, cancellationToken: Token), cancellationToken: Token);

        Assert.Equal(
        [
            $"{path}:3: Identifiant_de_l_etablissement : « 035220J » n'est pas un code UAI valide : 7 chiffres suivis d'une lettre sont attendus (ex. 0350001A).",
            $"{path}:4: Nom_etablissement : le nom de l'école est vide.",
            $"{path}:5: Statut_public_prive : « Privée » au lieu de Public ou Privé. ; Mail : « ec.0351516H@@ac-rennes.fr » n'est pas une adresse électronique valide.",
            $"{path}:6: Identifiant_de_l_etablissement : l'école 0352207J figure déjà ligne 2 ; cette ligne-ci est ignorée.",
            $"{path}:7: Nom_etablissement : 201 caractères, 200 au plus.",
        ], result.Rejected.Select(r => r.ToString()));
        Assert.Equal((2, 0, 1, 8), (result.Added, result.Closed, result.Skipped, result.Rows));
        var schools = await SchoolsAsync();
        Assert.Equal(["0350165P", "0350667K", "0352207J"], schools.Select(s => s.Uai).Order());
        Assert.Null(schools.Single(s => s.Uai == "0350165P").OfficialEmail);
        var maternelle = schools.Single(s => s.Uai == "0350667K");
        Assert.Equal("Ecole maternelle publique Jean Moulin", maternelle.Name);
        Assert.True(maternelle.IsOpen);
    }

    public static TheoryData<string, byte[], string> WrongFiles => new()
    {
        { "other header", Encoding.UTF8.GetBytes("uai;nom;commune\n0352207J;Jean Moulin;Rennes\n"), ":1: ce n'est pas l'export de l'annuaire de l'éducation : colonne(s) absente(s) Identifiant_de_l_etablissement" },
        { "comma-separated", Encoding.UTF8.GetBytes(AnnuaireCsv.Header.Replace(';', ',') + "\n0352207J,Ecole élémentaire publique Jean Moulin,Ecole\n"), ":1: ce n'est pas l'export de l'annuaire de l'éducation (séparateur « , » au lieu de « ; » ?)" },
        { "empty", [], ":1: le fichier est vide" },
        { "Latin-1", Encoding.Latin1.GetBytes(new AnnuaireCsv().School("0350667K", "Ecole maternelle publique Jean Moulin", circonscription: "Rennes")
            .School("0352207J", "Ecole élémentaire publique Jean Moulin").ToString()), ":3: le fichier n'est pas en UTF-8" },
    };

    [Theory]
    [MemberData(nameof(WrongFiles))]
    public async Task WrongFile_IsRefusedBeforeAnythingIsWritten(string kind, byte[] content, string message)
    {
        await ImportAsync(new AnnuaireCsv().School("0350667K", "Ecole maternelle publique Jean Moulin"));
        var before = await SchoolsAsync();
        var path = Path.Combine(_directory.Folder, $"{kind}.csv");
        await File.WriteAllBytesAsync(path, content, Token);
        _directory.Time.Advance(TimeSpan.FromDays(1));

        var error = Assert.Throws<AnnuaireFormatException>(() => Importer.ReadFile(path, cancellationToken: Token));

        Assert.StartsWith(path + message, error.Message, StringComparison.Ordinal);
        var after = Assert.Single(await SchoolsAsync());
        Assert.Equal((before[0].Name, before[0].ImportedAt, before[0].ClosedAt), (after.Name, after.ImportedAt, after.ClosedAt));
    }

    [Fact]
    public async Task DryRun_CountsWhatWouldChangeAndWritesNothing()
    {
        await ImportAsync(new AnnuaireCsv().School("0350667K", "Ecole maternelle publique Jean Moulin"));
        var path = new AnnuaireCsv().School("0352207J", "Ecole élémentaire publique Jean Moulin").Write(Path.Combine(_directory.Folder, "annuaire.csv"));

        var result = await Importer.ImportAsync(Importer.ReadFile(path, cancellationToken: Token), dryRun: true, cancellationToken: Token);

        Assert.True(result.DryRun);
        Assert.Equal((1, 1), (result.Added, result.ClosedMissing));
        Assert.True(Assert.Single(await SchoolsAsync()).IsOpen);
    }

    [Fact]
    public async Task DryRunOnADirectoryNotCreatedYet_ComparesWithAnEmptyOneAndCreatesNoFile()
    {
        var folder = Path.Combine(_directory.Folder, "not-yet");
        var factory = new DirectoryDbContextFactory(Options.Create(new DirectoryOptions { ConnectionString = $"Data Source={Path.Combine(folder, "supportbot.db")}" }));

        var result = await new SchoolImporter(factory, _directory.Time).ImportReferenceAsync(dryRun: true, cancellationToken: Token);

        Assert.Equal(685, result.Added);
        Assert.False(System.IO.Directory.Exists(folder));
    }

    [Fact]
    public async Task Progress_ReportsReadingInBytesThenWritingInSchools()
    {
        var csv = new AnnuaireCsv();
        for (var i = 0; i < 2500; i++)
        {
            csv.School($"035{i:D4}A", $"Ecole {i}");
        }

        var path = csv.Write(Path.Combine(_directory.Folder, "annuaire.csv"));
        var reports = new List<SchoolImportProgress>();

        var progress = new Collect(reports);
        await Importer.ImportAsync(Importer.ReadFile(path, progress, Token), progress: progress, cancellationToken: Token);

        var length = new FileInfo(path).Length;
        var reading = reports.Where(r => r.Stage == SchoolImportStage.Reading).ToList();
        var writing = reports.Where(r => r.Stage == SchoolImportStage.Writing).ToList();
        Assert.True(reading.Count >= 3, $"{reading.Count} reading reports");
        Assert.All(reading, r => Assert.Equal(length, r.Total));
        Assert.Equal(length, reading[^1].Done);
        Assert.Equal([0L, 1000L, 2000L, 2500L], writing.Select(r => r.Done));
        Assert.All(writing, r => Assert.Equal(2500, r.Total));
    }

    private SchoolImporter Importer => _directory.Services.GetRequiredService<SchoolImporter>();

    private async Task<SchoolImportResult> ImportAsync(AnnuaireCsv csv)
    {
        var path = csv.Write(Path.Combine(_directory.Folder, $"annuaire-{Guid.NewGuid():N}.csv"));
        var result = await Importer.ImportAsync(Importer.ReadFile(path, cancellationToken: Token), cancellationToken: Token);
        Assert.Empty(result.Rejected);
        return result;
    }

    private async Task<List<School>> SchoolsAsync()
    {
        await using var scope = _directory.Scope();
        return await _directory.Get<DirectoryDbContext>(scope).Schools.AsNoTracking().OrderBy(s => s.Uai).ToListAsync(Token);
    }

    private async Task<string> OpenCaseAsync(string uai)
    {
        await using var scope = _directory.Scope();
        return (await _directory.Get<DirectorCaseService>(scope).OpenAsync(new NewDirectorCase(DirectorCaseKind.NoMobilePhone, "webchat", SchoolGiven: uai), Token)).Case!.Reference;
    }

    private sealed class Collect(List<SchoolImportProgress> reports) : IProgress<SchoolImportProgress>
    {
        public void Report(SchoolImportProgress value) => reports.Add(value);
    }
}
