using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Data;
using SupportBot.AccountDirectory.Schools.Import;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Schools.Commands;
using SupportBot.Bot.Tests.Dialogs;
using SupportBot.Testing;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Tests.Schools;

/// <summary><c>schools import</c> through its real command line, on the service's registrations and a data folder of its own.</summary>
public sealed class SchoolsImportCommandTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("supportbot-schools-").FullName;

    private string DataFolder => Path.Combine(_folder, "data");

    private string Database => Path.Combine(DataFolder, "supportbot.db");

    private readonly string _morbihan;

    public SchoolsImportCommandTests()
    {
        _morbihan = new AnnuaireCsv()
            .School("0560001A", "Ecole élémentaire publique de Vannes", commune: "Vannes", postalCode: "56000")
            .School("0560002B", "Ecole primaire privée Ste Anne", commune: "Auray", postalCode: "56400", sector: "Privé", mail: "ec.0560002B@ac-rennes.fr")
            .Other("0561234C", "Collège Jules Simon", "Collège")
            .Write(Path.Combine(_folder, "annuaire-56.csv"));
    }

    [Fact]
    public async Task Import_NamesTheDirectoryPrintsTheCountsAndExitsZero()
    {
        var (code, output, error) = await RunAsync("schools", "import", _morbihan);

        Assert.Equal(ImportExitCodes.Success, code);
        Assert.Equal("", error);
        var lines = output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal($"Annuaire : {Database} (SQLite)", lines[0]);
        Assert.Equal($"Fichier : {_morbihan}, 3 lignes, départements (début des UAI) : 056.", lines[1]);
        Assert.Matches(@"^Import terminé en \d+,\d s : 2 écoles lues : 2 ajoutées, 0 mise à jour, 0 inchangée ; 0 fermée \(0 pas OUVERT, 0 absente du fichier\), "
            + "0 rouverte ; 1 autre établissement ignoré ; 0 ligne rejetée.$", lines[2]);
        // The first run loaded the embedded Ille-et-Vilaine extract (685 schools, one « A FERMER ») before the import.
        Assert.Equal("L'annuaire compte 687 écoles, dont 1 fermée.", lines[3]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Ecole primaire privée Ste Anne|Private|ec.0560002b@ac-rennes.fr", Query("SELECT Name || '|' || Sector || '|' || OfficialEmail FROM Schools WHERE Uai = '0560002B'"));
    }

    [Fact]
    public async Task SameFileAgain_SaysNothingChanged()
    {
        await RunAsync("schools", "import", _morbihan);

        var (code, output, _) = await RunAsync("schools", "import", _morbihan);

        Assert.Equal(ImportExitCodes.Success, code);
        Assert.Contains("2 écoles lues : 0 ajoutée, 0 mise à jour, 2 inchangées ; 0 fermée", output);
        Assert.Contains("Rien n'a changé : l'annuaire était déjà à jour de ce fichier.", output);
    }

    [Fact]
    public async Task RejectedRows_AreListedAsFileColonLineOnStandardErrorAndExitThree()
    {
        var path = new AnnuaireCsv()
            .School("0560001A", "Ecole élémentaire publique de Vannes", commune: "Vannes", postalCode: "56000")
            .School("056000B", "Ecole au code trop court")
            .School("0560003C", "Ecole sans adresse valide", mail: "ecole.0560003C.ac-rennes.fr")
            .Write(Path.Combine(_folder, "annuaire-56-bad.csv"));

        var (code, output, error) = await RunAsync("schools", "import", path);

        Assert.Equal(ImportExitCodes.RowsRejected, code);
        Assert.Equal(
        [
            $"{path}:3: Identifiant_de_l_etablissement : « 056000B » n'est pas un code UAI valide : 7 chiffres suivis d'une lettre sont attendus (ex. 0350001A).",
            $"{path}:4: Mail : « ecole.0560003C.ac-rennes.fr » n'est pas une adresse électronique valide.",
        ], error.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.Contains("1 école lue : 1 ajoutée", output);
        Assert.Contains("2 lignes rejetées.", output);
        Assert.Equal("1", Query("SELECT COUNT(*) FROM Schools WHERE Uai LIKE '056%'"));
    }

    public static TheoryData<string, string?, string> WrongFiles => new()
    {
        { "missing.csv", null, " : fichier introuvable." },
        { "other-header.csv", "uai;nom\n0560001A;Ecole de Vannes\n", ":1: ce n'est pas l'export de l'annuaire de l'éducation : colonne(s) absente(s)" },
        { "comma.csv", AnnuaireCsv.Header.Replace(';', ',') + "\n", ":1: ce n'est pas l'export de l'annuaire de l'éducation (séparateur « , » au lieu de « ; » ?)" },
        { "empty.csv", "", ":1: le fichier est vide" },
        { "a-folder", "(folder)", " : lecture refusée" },
    };

    [Theory]
    [MemberData(nameof(WrongFiles))]
    public async Task WrongFile_ExitsTwoBeforeTheDirectoryIsEvenCreated(string name, string? content, string message)
    {
        var path = Path.Combine(_folder, name);
        if (content == "(folder)")
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else if (content is not null)
        {
            await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        }

        var (code, output, error) = await RunAsync("schools", "import", path);

        Assert.Equal(ImportExitCodes.UnreadableFile, code);
        Assert.StartsWith(path + message, error, StringComparison.Ordinal);
        Assert.EndsWith("Rien n'a été écrit.", error.TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("Annuaire : ", output, StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(DataFolder), "nothing is created for a file that is refused");
    }

    [Fact]
    public async Task DryRunOnAFreshDirectory_ReportsAndCreatesNothing()
    {
        var (code, output, _) = await RunAsync("schools", "import", _morbihan, "--dry-run");

        Assert.Equal(ImportExitCodes.Success, code);
        Assert.Contains("Essai, rien n'est écrit ; l'import ferait : 2 écoles lues : 2 ajoutées", output);
        Assert.DoesNotContain("L'annuaire compte", output);
        Assert.False(System.IO.Directory.Exists(DataFolder));
    }

    [Fact]
    public async Task DryRun_CountsAgainstTheDirectoryAndWritesNothing()
    {
        await RunAsync("schools", "import", _morbihan);
        var later = new AnnuaireCsv()
            .School("0560001A", "Ecole élémentaire publique de Vannes", commune: "Vannes", postalCode: "56000")
            .School("0560009K", "Ecole maternelle publique de Lorient", commune: "Lorient", postalCode: "56100")
            .Write(Path.Combine(_folder, "annuaire-56-later.csv"));

        var (code, output, _) = await RunAsync("schools", "import", later, "--dry-run");

        Assert.Equal(ImportExitCodes.Success, code);
        Assert.Contains("2 écoles lues : 1 ajoutée, 0 mise à jour, 1 inchangée ; 1 fermée (0 pas OUVERT, 1 absente du fichier)", output);
        Assert.Equal("687|1", Query("SELECT COUNT(*) || '|' || COUNT(ClosedAt) FROM Schools"));
    }

    [Fact]
    public async Task SqlServerWithoutConnectionString_ExitsFourNamingTheKey()
    {
        var (code, _, error) = await RunAsync(s => s.Configure<DirectoryOptions>(o =>
        {
            o.Provider = DirectoryProvider.SqlServer;
            o.ConnectionString = null;
        }), "schools", "import", _morbihan);

        Assert.True(code == ImportExitCodes.InvalidConfiguration, error);
        Assert.StartsWith("Configuration invalide : ", error, StringComparison.Ordinal);
        Assert.Contains("Directory:ConnectionString", error);
    }

    [Fact]
    public async Task SqlServer_IsNamedWithItsPasswordMasked()
    {
        var wrong = Path.Combine(_folder, "empty.csv");
        await File.WriteAllTextAsync(wrong, "", TestContext.Current.CancellationToken);

        var (code, output, _) = await RunAsync(s => s.Configure<DirectoryOptions>(o =>
        {
            o.Provider = DirectoryProvider.SqlServer;
            o.ConnectionString = "Server=sql.example.fr;Database=SupportBot;User Id=supportbot;Password=Tr0ub4dor&3;Encrypt=True";
        }), "schools", "import", wrong);

        Assert.Equal(ImportExitCodes.UnreadableFile, code);
        var first = output.ReplaceLineEndings("\n").Split('\n')[0];
        Assert.StartsWith("Annuaire : Data Source=sql.example.fr;Initial Catalog=SupportBot;User ID=supportbot;Password=***;", first, StringComparison.Ordinal);
        Assert.EndsWith("(SQL Server)", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Tr0ub4dor", output);
    }

    [Fact]
    public async Task DirectoryThatCannotBeCreated_ExitsFiveSayingWhy()
    {
        var blocker = Path.Combine(_folder, "blocker");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should go", TestContext.Current.CancellationToken);

        var (code, _, error) = await RunAsync(s => s.Configure<DataOptions>(o => o.Folder = Path.Combine(blocker, "data")), "schools", "import", _morbihan);

        Assert.Equal(ImportExitCodes.DirectoryFailure, code);
        Assert.StartsWith("Erreur de l'annuaire : ", error, StringComparison.Ordinal);
        Assert.Contains("relancez la même commande", error);
    }

    [Theory]
    [InlineData("schools", "import")]
    [InlineData("schools", "import", "a.csv", "--sans-ecrire")]
    public async Task BadCommandLine_ExitsOne(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(ImportExitCodes.Usage, code);
        Assert.NotEqual("", error);
    }

    [Fact]
    public async Task Help_ExplainsTheCommandAndItsExitCodesInFrench()
    {
        var (code, output, _) = await RunAsync("schools", "import", "--help");

        Assert.Equal(ImportExitCodes.Success, code);
        Assert.Contains("dotnet run --project src/Bot -- schools import", output);
        Assert.Contains("--dry-run", output);
        Assert.Contains("Codes de sortie : 0 terminé · 1 ligne de commande incorrecte · 2 fichier illisible", output);
        Assert.Contains("3 des lignes rejetées", output);
        Assert.Contains("4 configuration invalide", output);
        Assert.Contains("5 erreur de la base", output);
    }

    [Fact]
    public void ProgressLine_RedrawsOneLineWithTheRateAndTheTimeLeft()
    {
        var error = new StringWriter();
        var line = new ImportProgressLine(error);

        line.Report(new SchoolImportProgress(SchoolImportStage.Reading, 1 << 20, 4 << 20));
        line.Report(new SchoolImportProgress(SchoolImportStage.Writing, 0, 2000));
        line.Report(new SchoolImportProgress(SchoolImportStage.Writing, 2000, 2000));
        line.Clear();

        var text = error.ToString();
        Assert.DoesNotContain("\n", text);
        Assert.Matches(@"^\rLecture : 1,0 Mo \(25 %\), reste ~\d\d:\d\d, [\d\s,]+ Mo/s", text);
        Assert.Contains("\rÉcriture : 0 écoles (0 %)", text);
        Assert.Matches(@"\rÉcriture : 2\u202f000 écoles \(100 %\), reste ~00:00, [\d\s\u202f,]+ écoles/s", text);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, true);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(_ => { }, args);

    private async Task<(int Code, string Output, string Error)> RunAsync(Action<IServiceCollection> configure, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BotCommandLine.RunAsync(args, services =>
        {
            services.AddDialogEngineForTests()
                .Configure<DataOptions>(o => o.Folder = DataFolder)
                .Configure<DialogsOptions>(o => o.Folder = BotTestHost.RepositoryDialogs);
            configure(services);
        }, new Terminal(TextReader.Null, output, error), cancellationToken: TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private string? Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
