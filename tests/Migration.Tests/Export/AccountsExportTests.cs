using System.Text;
using SupportBot.Migration.Tests.Support;

namespace SupportBot.Migration.Tests.Export;

public sealed class AccountsExportTests
{
    [Fact]
    public async Task Export_ExactHeaderUtf8AndOnlyTheSchoolAskedFor()
    {
        await using var harness = new MigrationHarness();
        var exports = new Exports();
        exports.For("0350999X").Pupil("1", "LE GOFF", "Maëlle").Person("10", "LE GOFF", "Anne", "0600000001", "anne@example.org").Responsible("1", "10");
        exports.For("0351000Y").Pupil("2", "MORVAN", "Léo").Person("20", "MORVAN", "Hélène").Responsible("2", "20");
        exports.Account("1", "PERSONNEL", "anne", "anne@example.org", true, ["0350999X:10"], []);
        exports.Account("2", "PERSONNEL", "helene", null, false, ["0351000Y:20"], []);
        await harness.RunAsync(harness.Write(exports));
        var path = Path.Combine(harness.Folder, "lycee.csv");

        var result = await harness.CliAsync("accounts", "export", "--out", path, "--uai", "0351000y");

        Assert.Equal(0, result.ExitCode);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal([
            "identifiant;statut;origine;nom;prenom;mel;mel_confirme;portable;personnes;eleves;anciens_identifiants",
            "h.morvan;Non notifié;Migration SIECLE;MORVAN;Hélène;;0;;0351000Y:20;0351000Y:2;helene",
        ], Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, (await harness.ExportAsync()).Length);
    }

    [Fact]
    public async Task InvalidUai_RefusedWithUsageExitCode()
    {
        await using var harness = new MigrationHarness();

        var result = await harness.CliAsync("accounts", "export", "--out", Path.Combine(harness.Folder, "x.csv"), "--uai", "lycee");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("n'est pas un code UAI valide", result.Error);
    }
}
