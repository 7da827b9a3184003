using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Schools.Commands;
using SupportBot.Testing;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Tests.Schools;

/// <summary><c>schools find</c> in-process, as the program's command line runs it: lines in, JSON lines out.</summary>
public sealed class SchoolsFindCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string input, Action<IServiceCollection>? addServices,
        params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BotCommandLine.RunAsync(["schools", "find", .. arguments], addServices ?? (_ => { }),
            new Terminal(new StringReader(input), output, error), cancellationToken: TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Annuaire_OneJsonLinePerLineInOrder()
    {
        var (exitCode, output, error) = await RunAsync(
            "0352207 j\nSt Jo à Corps-Nuds\necole jean moulin rennes\nst joseph\n\nla maternelle de Melesse\n", null,
            "--annuaire", ReferenceSchools.CsvPath);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal(
            """{"text":"0352207 j","decision":"one","candidates":[{"uai":"0352207J","nom":"Ecole élémentaire publique Jean Moulin","commune":"Rennes","score":1}]}""",
            lines[0]);
        var json = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["0352207 j", "St Jo à Corps-Nuds", "ecole jean moulin rennes", "st joseph", "", "la maternelle de Melesse"],
            json.Select(j => j.GetProperty("text").GetString()));
        Assert.Equal(["one", "one", "choose", "none", "none", "one"], json.Select(j => j.GetProperty("decision").GetString()));
        Assert.Equal("0351267M", json[1].GetProperty("candidates")[0].GetProperty("uai").GetString());
        Assert.Equal(["0350667K", "0352207J"],
            json[2].GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("uai").GetString()).Order());
        Assert.Equal(0, json[3].GetProperty("candidates").GetArrayLength());
        Assert.Equal("0351755T", json[5].GetProperty("candidates")[0].GetProperty("uai").GetString());
        Assert.All(json.SelectMany(j => j.GetProperty("candidates").EnumerateArray()), c =>
        {
            Assert.Equal(["commune", "nom", "score", "uai"], c.EnumerateObject().Select(p => p.Name).Order());
            Assert.InRange(c.GetProperty("score").GetDouble(), 0, 1);
        });
    }

    [Fact]
    public async Task Directory_SearchesTheDatabasesOpenSchools()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using (var scope = directory.Scope())
        {
            var db = directory.Get<DirectoryDbContext>(scope);
            db.Schools.Add(School.Create("0351267M", "Ecole primaire privée St Joseph", "Corps-Nuds", sector: SchoolSector.Private));
            db.Schools.Add(School.Create("0350208L", "Ecole primaire publique Jacques-Yves Cousteau", "Corps-Nuds", sector: SchoolSector.Public));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var (exitCode, output, error) = await RunAsync("st jo corps nuds\ncorps nuds\n", services =>
        {
            services.AddAccountDirectory();
            services.PostConfigure<DirectoryOptions>(o =>
            {
                o.ConnectionString = $"Data Source={directory.DatabasePath}";
                o.DemoData = DemoDataMode.Never;
            });
        });

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var json = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["one", "choose"], json.Select(j => j.GetProperty("decision").GetString()));
        Assert.Equal("0351267M", json[0].GetProperty("candidates")[0].GetProperty("uai").GetString());
        Assert.Equal(2, json[1].GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task MissingAnnuaire_ExitCode2AndNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "supportbot-missing-" + Guid.NewGuid().ToString("N") + ".csv");

        var (exitCode, output, error) = await RunAsync("jean moulin\n", null, "--annuaire", path);

        Assert.Equal((int)SchoolsFindCommand.ExitCode.UnreadableFile, exitCode);
        Assert.Equal("", output);
        Assert.Contains(path, error);
    }

    [Fact]
    public async Task NotTheAnnuairesExport_ExitCode2AndSaysWhy()
    {
        var path = Path.Combine(Path.GetTempPath(), "supportbot-notannuaire-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, "uai,nom\n0352207J,Jean Moulin\n", TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, error) = await RunAsync("jean moulin\n", null, "--annuaire", path);

            Assert.Equal((int)SchoolsFindCommand.ExitCode.UnreadableFile, exitCode);
            Assert.Equal("", output);
            Assert.Contains($"{path}:1:", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UnknownOption_ExitCode1()
    {
        var (exitCode, output, error) = await RunAsync("jean moulin\n", null, "--annuair", "x.csv");

        Assert.Equal((int)SchoolsFindCommand.ExitCode.Usage, exitCode);
        Assert.Contains("--annuair", error);
        Assert.DoesNotContain("\"text\":\"jean moulin\"", output);
    }

    [Fact]
    public async Task Help_ExplainsInputOutputDecisionsAndExitCodes()
    {
        var (exitCode, output, _) = await RunAsync("", null, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--annuaire", output);
        Assert.Contains("one JSON line per input line", string.Join(' ', output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("choose", output);
        Assert.Contains("Exit codes", output);
    }
}
