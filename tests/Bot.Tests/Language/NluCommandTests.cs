using System.Diagnostics;
using System.Text.Json;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

/// <summary>The built program run as a real process: `dotnet SupportBot.Bot.dll nlu`, utterances on stdin.</summary>
public sealed class NluCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SupportBot.Bot.dll"));
        start.ArgumentList.Add("nlu");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Utterances_OneJsonLineEachInOrder()
    {
        var (exitCode, output, error) = await RunAsync(
            "jai perdu mon mdp\nc ou modulo\n\nelle est née le seize juin deux mille treize\nmon mail : Anne.Martin@orange.fr\nnon merci\n");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal(["jai perdu mon mdp", "c ou modulo", "", "elle est née le seize juin deux mille treize", "mon mail : Anne.Martin@orange.fr", "non merci"],
            lines.Select(l => l.GetProperty("text").GetString()));
        Assert.Equal("mot_de_passe_oublie", lines[0].GetProperty("intent").GetString());
        Assert.Equal("acces_modulo", lines[1].GetProperty("intent").GetString());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("intent").ValueKind);
        Assert.Equal("""[{"type":"date","value":"2013-06-16"}]""", lines[3].GetProperty("entities").GetRawText());
        Assert.Equal("""[{"type":"email","value":"anne.martin@orange.fr"}]""", lines[4].GetProperty("entities").GetRawText());
        Assert.Equal("""[{"type":"yesno","value":"no"}]""", lines[5].GetProperty("entities").GetRawText());
        Assert.Contains("\"text\":\"elle est née le seize", output);
    }

    [Fact]
    public async Task Help_DescribesTheCommand()
    {
        var (exitCode, output, _) = await RunAsync("", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("one per line", output);
        Assert.Contains("--training", output);
    }

    [Fact]
    public async Task BrokenTrainingFolder_ExitsWithItsCodeAndNamesTheFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-nlu-cmd-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "salutation.yaml"), "schema: supportbot/intent-utterances/v1\nintent: bonjour\nutterances:\n  - salut\n",
            TestContext.Current.CancellationToken);

        try
        {
            var (exitCode, output, error) = await RunAsync("bonjour\n", "--training", folder);

            Assert.Equal((int)NluCommand.ExitCode.InvalidTrainingData, exitCode);
            Assert.Equal("", output);
            Assert.Contains($"{Path.Combine(folder, "salutation.yaml")}:2: unknown intent « bonjour »", error);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
