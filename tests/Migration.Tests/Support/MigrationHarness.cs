using System.Text.Json;
using SupportBot.Migration.Reporting;
using SupportBot.Testing;

namespace SupportBot.Migration.Tests.Support;

/// <summary>
/// The program run in-process through its real command line, against a SQLite file in a temporary folder
/// (the same file <see cref="TestDirectory"/> opens, to arrange or inspect the directory).
/// </summary>
internal sealed class MigrationHarness : IAsyncDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "supportbot-migration-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "supportbot.db");

    public string ReportFolder => Path.Combine(Folder, "rapport");

    public Dictionary<string, string?> Settings { get; }

    /// <summary>Null for the system clock.</summary>
    public TimeProvider? Time { get; set; }

    public MigrationHarness()
    {
        System.IO.Directory.CreateDirectory(Folder);
        Settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = Folder,
            ["Directory:Provider"] = "Sqlite",
            ["Directory:ConnectionString"] = $"Data Source={DatabasePath}",
            ["Directory:DemoData"] = "Never",
            ["Mail:Mode"] = "Pickup",
            ["Mail:PickupDirectory"] = Path.Combine(Folder, "outbox"),
            ["Migration:PublicBaseUrl"] = "https://assistance.example.fr",
            ["Migration:MessagesPerMinute"] = "60000",
        };
    }

    public (string Siecle, string Comptes) Write(Exports exports, string name = "in", params string[] zipped) =>
        exports.Write(Path.Combine(Folder, name), zipped);

    public async Task<CliResult> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MigrationCli.RunAsync(args, Settings, Time, output, error, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Synthetic exports from the real `generate` command, under <paramref name="name"/>: the input of a run.</summary>
    public async Task<(string Siecle, string Comptes)> GenerateAsync(int accounts, int seed, string name = "gen")
    {
        var folder = Path.Combine(Folder, name);
        var result = await CliAsync("generate", "--accounts", accounts.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder,
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(result.ExitCode == 0, result.Error);
        return (Path.Combine(folder, "siecle"), Path.Combine(folder, "ComptesTeleservices.xml"));
    }

    public Task<CliResult> RunAsync((string Siecle, string Comptes) input, params string[] extra) =>
        CliAsync(["run", "--siecle", input.Siecle, "--comptes", input.Comptes, "--report", ReportFolder, .. extra]);

    /// <summary>The accounts export, header included.</summary>
    public async Task<string[]> ExportAsync(string? uai = null)
    {
        var path = Path.Combine(Folder, $"export-{Guid.NewGuid():N}.csv");
        var result = await CliAsync(uai is null ? ["accounts", "export", "--out", path] : ["accounts", "export", "--out", path, "--uai", uai]);
        Assert.True(result.ExitCode == 0, result.Error);
        return await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
    }

    /// <summary>Export rows (without header) as dictionaries keyed by column name.</summary>
    public async Task<List<Dictionary<string, string>>> AccountsAsync(string? uai = null)
    {
        var lines = await ExportAsync(uai);
        var header = lines[0].Split(';');
        return lines.Skip(1).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public JsonElement Summary() => JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportFolder, ReportWriter.SummaryFileName))).RootElement;

    public string[] Rejects() => File.ReadAllLines(Path.Combine(ReportFolder, ReportWriter.RejectsFileName));

    /// <summary>The directory on the same file, with the service's registrations (the caller disposes it keeping files).</summary>
    public Task<TestDirectory> DirectoryAsync(bool seedDemo = false) => TestDirectory.CreateAsync(folder: Folder, seedDemo: seedDemo);

    public void DeleteDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
