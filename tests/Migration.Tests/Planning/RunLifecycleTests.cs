using System.Security.Cryptography;
using SupportBot.Migration.Tests.Support;

namespace SupportBot.Migration.Tests.Planning;

/// <summary>Rules 9 to 11: a second run changes nothing, a dry run leaves the database untouched, the report says what happened.</summary>
public sealed class RunLifecycleTests
{
    private const string College = "0350999X";

    private static Exports Family()
    {
        var exports = new Exports();
        exports.For(College)
            .Pupil("1", "LE GOFF", "Maëlle").Pupil("2", "LE GOFF", "Noé").Pupil("3", "LE GOFF", "Lou", left: true)
            .Person("10", "LE GOFF", "Anne", "0600000001", "anne@example.org").Person("11", "LE GOFF", "Yann", "0600000002")
            .Responsible("1", "10").Responsible("2", "10").Responsible("1", "11").Responsible("2", "11", level: 2);
        exports.Account("1", "JOINT", "anne35", "anne@example.org", true, [$"{College}:10", $"{College}:11"],
            [$"{College}:1:10", $"{College}:1:11", $"{College}:3:10"]);
        exports.Account("2", "PERSONNEL", "anne-old", null, false, [$"{College}:10"], []);
        return exports;
    }

    [Fact]
    public async Task SecondRun_ChangesNothing()
    {
        await using var harness = new MigrationHarness();
        var input = harness.Write(Family());
        await harness.RunAsync(input);
        var before = await harness.ExportAsync();

        var second = await harness.RunAsync(input);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(before, await harness.ExportAsync());
        var summary = harness.Summary();
        Assert.Equal(0, summary.GetProperty("accountsCreated").GetInt32());
        Assert.Equal(2, summary.GetProperty("accountsReused").GetInt32());
        Assert.Equal(0, summary.GetProperty("pupilLinks").GetInt32());
        Assert.Equal(0, summary.GetProperty("aliasesAdded").GetInt32());
    }

    [Fact]
    public async Task DryRun_WritesTheFullReportAndLeavesTheDatabaseUntouched()
    {
        await using var harness = new MigrationHarness();
        var directory = await harness.DirectoryAsync(seedDemo: true);
        await directory.ShutDownKeepingFilesAsync();
        var hash = Hash(harness.DatabasePath);
        var input = harness.Write(Family(), "real");

        var result = await harness.RunAsync(input, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(hash, Hash(harness.DatabasePath));
        Assert.Equal(5, (await harness.AccountsAsync()).Count);
        var summary = harness.Summary();
        Assert.True(summary.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, summary.GetProperty("accountsCreated").GetInt32());
    }

    [Fact]
    public async Task DryRunWithoutDatabase_DoesNotCreateIt()
    {
        await using var harness = new MigrationHarness();

        var result = await harness.RunAsync(harness.Write(Family()), "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(harness.DatabasePath));
        Assert.Equal(2, harness.Summary().GetProperty("accountsCreated").GetInt32());
    }

    [Fact]
    public async Task Report_CountsEveryFigureTheIssueAsksFor()
    {
        await using var harness = new MigrationHarness();

        await harness.RunAsync(harness.Write(Family()));

        var s = harness.Summary();
        Assert.Equal(2, s.GetProperty("legacyAccountsRead").GetInt32());
        Assert.Equal(1, s.GetProperty("personalAccounts").GetInt32());
        Assert.Equal(1, s.GetProperty("jointAccounts").GetInt32());
        Assert.Equal(2, s.GetProperty("persons").GetInt32());
        Assert.Equal(2, s.GetProperty("accountsCreated").GetInt32());
        Assert.Equal(0, s.GetProperty("accountsReused").GetInt32());
        Assert.Equal(4, s.GetProperty("pupilLinks").GetInt32());
        Assert.Equal(2, s.GetProperty("linksAddedByRapprochement").GetInt32());
        Assert.Equal(1, s.GetProperty("staleAttachments").GetInt32());
        Assert.Equal(0, s.GetProperty("possibleDuplicates").GetInt32());
        Assert.Empty(s.GetProperty("rejectsByReason").EnumerateObject());
        Assert.True(s.GetProperty("durationSeconds").GetDouble() > 0);
        Assert.Equal(["lecture_exports", "lecture_annuaire", "regles", "ecriture", "recreation_index"],
            s.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()));
        Assert.All(s.GetProperty("phases").EnumerateArray(), p => Assert.InRange(p.GetProperty("gcPauseSeconds").GetDouble(), 0, p.GetProperty("seconds").GetDouble()));
        Assert.Equal("fichier;ligne;enregistrement;statut;motif;detail", harness.Rejects()[0]);
        Assert.Contains(harness.Rejects(), l => l.StartsWith("ComptesTeleservices.xml;", StringComparison.Ordinal) && l.Contains(";rattachement_eleve_parti;"));
    }

    [Fact]
    public async Task RedirectedOutput_PlainProgressLinesOnStderrAndASummaryOnStdout()
    {
        await using var harness = new MigrationHarness();
        var input = harness.Write(Family());

        var result = await harness.RunAsync(input);
        var quiet = await harness.RunAsync(input, "--quiet");

        Assert.Contains("Lecture des exports SIECLE et des comptes téléservices…", result.Error);
        Assert.Contains("Écriture dans l'annuaire (comptes) : 2 / 2 (100 %)", result.Error.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.DoesNotContain("\u001b[", result.Error + result.Output);
        Assert.StartsWith("Migration terminée : 2 anciens comptes lus, 2 comptes créés", result.Output);
        Assert.Equal("", quiet.Error);
    }

    [Fact]
    public async Task InvalidConfiguration_RefusedNamingTheKeyBeforeReadingAnything()
    {
        await using var harness = new MigrationHarness();
        harness.Settings["Migration:BatchSize"] = "0";

        var result = await harness.RunAsync(harness.Write(Family()));

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("BatchSize", result.Error);
        Assert.False(File.Exists(harness.DatabasePath));
    }

    [Fact]
    public async Task Help_ExplainsCommandsAndExitCodes()
    {
        await using var harness = new MigrationHarness();

        var root = await harness.CliAsync("--help");
        var run = await harness.CliAsync("run", "--help");

        Assert.Contains("notify", root.Output);
        Assert.Contains("Codes de sortie", root.Output);
        Assert.Contains("--dry-run", run.Output);
        Assert.Equal(ExitCodes.Usage, (await harness.CliAsync("run", "--siecle")).ExitCode);
    }

    private static string Hash(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var wal = path + "-wal";
        return Convert.ToHexString(SHA256.HashData(stream)) + (File.Exists(wal) ? new FileInfo(wal).Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
    }
}
