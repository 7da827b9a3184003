using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests;

/// <summary>
/// The embedded directory's default place: <c>data/</c> at the root of the repository the programs were built in,
/// whatever their working directory. Built programs are run as an operator runs them, without <c>Data__Folder</c>.
/// </summary>
public sealed class DataFolderTests : IDisposable
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/

    private readonly string _root = Directory.CreateTempSubdirectory("supportbot-data-").FullName;

    [Fact]
    public async Task ServiceToolAndMigrationCopiedIntoAnotherTree_ShareItsDataFolderFromAnyWorkingDirectory()
    {
        // Another checkout: an empty SupportBot.sln marks its root, the built programs where a build puts them.
        await File.WriteAllTextAsync(Path.Combine(_root, "SupportBot.sln"), "", TestContext.Current.CancellationToken);
        var bot = Copy("Bot", "SupportBot.Bot.dll");
        var migration = Copy("Migration", "SupportBot.Migration.dll");
        var fromHere = Directory.CreateDirectory(Path.Combine(_root, "somewhere")).FullName;
        var fromThere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere", "deeper")).FullName;
        var file = new AnnuaireCsv().School("0560001A", "Ecole élémentaire publique de Vannes", commune: "Vannes", postalCode: "56000")
            .Write(Path.Combine(_root, "annuaire-56.csv"));
        var database = Path.Combine(_root, "data", "supportbot.db");

        var import = await RunAsync(bot, fromHere, "schools", "import", file);
        var export = await RunAsync(migration, fromThere, "accounts", "export", "--out", "comptes.csv");

        Assert.True(import.Code == 0, import.Error);
        Assert.StartsWith($"Annuaire : {database} (SQLite)", import.Output, StringComparison.Ordinal);
        Assert.True(export.Code == 0, export.Error);
        // The accounts the service's first run seeded (schools import initialises the directory as the service does)
        // are the ones the migration finds: one file for both.
        var accounts = await File.ReadAllLinesAsync(Path.Combine(fromThere, "comptes.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(6, accounts.Length);
        Assert.Contains(accounts, l => l.StartsWith("v.durant1;", StringComparison.Ordinal));
        Assert.Equal("686", SqliteFile.Query(database, "SELECT COUNT(*) FROM Schools"));
        Assert.Equal("Ecole élémentaire publique de Vannes", SqliteFile.Query(database, "SELECT Name FROM Schools WHERE Uai = '0560001A'"));
        Assert.Equal(["data", "elsewhere", "somewhere", "src"], Directory.GetDirectories(_root).Select(Path.GetFileName).Order());
        Assert.False(Directory.Exists(Path.Combine(fromHere, "data")));
        Assert.False(Directory.Exists(Path.Combine(fromThere, "data")));
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(bot)!, "data")));
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(migration)!, "data")));
    }

    [Fact]
    public async Task ServiceBuiltInThisRepository_DefaultsToItsDataFolder()
    {
        var bot = Path.Combine(Repository.Root, "src", "Bot", "bin", Configuration, "net10.0", "SupportBot.Bot.dll");
        var empty = Path.Combine(_root, "empty.csv");
        await File.WriteAllTextAsync(empty, "", TestContext.Current.CancellationToken);

        // A refused file stops before the directory is opened: the repository's own data/ is named, never touched.
        var run = await RunAsync(bot, _root, "schools", "import", empty);

        Assert.Equal(2, run.Code);
        Assert.StartsWith($"Annuaire : {Path.Combine(Repository.Root, "data", "supportbot.db")} (SQLite)", run.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, true);
    }

    /// <summary>src/&lt;Project&gt;/bin/&lt;Configuration&gt;/net10.0 of this repository into the same place under the temporary root.</summary>
    private string Copy(string project, string dll)
    {
        var source = Path.Combine(Repository.Root, "src", project, "bin", Configuration, "net10.0");
        if (!File.Exists(Path.Combine(source, dll)))
        {
            throw new FileNotFoundException($"Build the solution first (dotnet build): {project} is not built.", Path.Combine(source, dll));
        }

        var target = Path.Combine(_root, "src", project, "bin", Configuration, "net10.0");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return Path.Combine(target, dll);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string dll, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Data__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Directory__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
