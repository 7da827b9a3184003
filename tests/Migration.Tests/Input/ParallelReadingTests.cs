using SupportBot.Migration.Tests.Support;

namespace SupportBot.Migration.Tests.Input;

/// <summary>The exports are parsed on several threads and merged in file-name order: the result is that of one thread.</summary>
public sealed class ParallelReadingTests
{
    [Fact]
    public async Task OneOrFourReadingThreads_SameAccountsSummaryAndReportLines()
    {
        await using var harness = new MigrationHarness();
        var input = await harness.GenerateAsync(2000, seed: 5);

        harness.Settings["Migration:ReadingThreads"] = "1";
        Assert.Equal(0, (await harness.RunAsync(input)).ExitCode);
        var sequential = (Accounts: await harness.ExportAsync(), Summary: Counts(harness), Rejects: harness.Rejects());
        harness.DeleteDatabase();
        harness.Settings["Migration:ReadingThreads"] = "4";
        Assert.Equal(0, (await harness.RunAsync(input)).ExitCode);

        Assert.True(sequential.Accounts.Length > 2000);
        Assert.Contains(sequential.Rejects, l => l.Contains(";doublon_possible;"));
        Assert.Equal(sequential.Accounts, await harness.ExportAsync());
        Assert.Equal(sequential.Summary, Counts(harness));
        Assert.Equal(sequential.Rejects, harness.Rejects());
    }

    [Fact]
    public async Task TwoMalformedExports_TheFirstInNameOrderIsNamedAndNothingIsWritten()
    {
        await using var harness = new MigrationHarness();
        var exports = new Exports();
        foreach (var uaj in new[] { "0350001A", "0350002B", "0350003C", "0350004D" })
        {
            exports.For(uaj).Pupil("1", "RIOU", "Noé").Person("10", "RIOU", "Anne", "0600000001", $"anne.{uaj}@example.org").Responsible("1", "10");
        }

        exports.Account("1", "PERSONNEL", "anneriou", "anne@example.org", true, ["0350001A:10"], ["0350001A:1:10"]);
        var input = harness.Write(exports);
        foreach (var uaj in new[] { "0350002B", "0350004D" })
        {
            var file = Path.Combine(input.Siecle, "etab-" + uaj, "ResponsablesAvecAdresses.xml");
            File.WriteAllText(file, File.ReadAllText(file, Exports.GetLatin9()).Replace("</PERSONNE>", "</PERSONNES>"), Exports.GetLatin9());
        }

        harness.Settings["Migration:ReadingThreads"] = "4";
        var result = await harness.RunAsync(input);

        Assert.Equal(ExitCodes.MalformedInput, result.ExitCode);
        Assert.Matches(@"etab-0350002B/ResponsablesAvecAdresses\.xml:\d+:\d+ : XML mal formé", result.Error);
        Assert.False(File.Exists(harness.DatabasePath));
    }

    /// <summary>The summary without its timings.</summary>
    private static string Counts(MigrationHarness harness) =>
        string.Join('\n', harness.Summary().EnumerateObject().Where(p => p.Name is not ("durationSeconds" or "phases")).Select(p => $"{p.Name}={p.Value}"));
}
