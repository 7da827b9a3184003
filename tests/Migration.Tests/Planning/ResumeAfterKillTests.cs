using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.Migration.Tests.Support;

namespace SupportBot.Migration.Tests.Planning;

/// <summary>Rule 9: the real program killed with SIGKILL mid-run, then started again, ends exactly like an uninterrupted run.</summary>
public sealed class ResumeAfterKillTests
{
    [Fact]
    public async Task KilledMidRunThenRerun_SameAccountsAsAnUninterruptedRun()
    {
        await using var harness = new MigrationHarness();
        var (input, uninterrupted, _) = await UninterruptedRunAsync(harness, accounts: 2500, seed: 11, batchSize: 300);

        var killed = await RunProcessAsync(harness, input, killAfterBatches: 3);
        var partial = await CountAccountsAsync(harness);
        var resumed = await harness.RunAsync(input);

        Assert.Equal(137, killed);
        Assert.Equal(900, partial);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(uninterrupted, await harness.ExportAsync());
        Assert.True(harness.Summary().GetProperty("resumedInterruptedRun").GetBoolean());
        Assert.True(uninterrupted.Length > 2000);
    }

    [Fact]
    public async Task KilledFromOutsideWhileWriting_RerunEqualsAnUninterruptedRun()
    {
        await using var harness = new MigrationHarness();
        // Enough accounts that writing lasts well beyond the kill's delay (about 0.6 s here): 4,000 were written in
        // less than 150 ms once the writer got faster, and the run finished before the kill.
        var (input, uninterrupted, _) = await UninterruptedRunAsync(harness, accounts: 20000, seed: 12, batchSize: 100);

        using (var process = Process.Start(ProcessStart(harness, input, quiet: false))!)
        {
            // Plain progress lines on stderr (redirected): kill -9 shortly after the writing stage begins, wherever it is then.
            string? line;
            while ((line = await process.StandardError.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && !line.StartsWith("Écriture", StringComparison.Ordinal))
            {
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
            process.Kill();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.NotNull(line);
            Assert.Equal(137, process.ExitCode);
        }

        var partial = await CountAccountsAsync(harness);
        var resumed = await harness.RunAsync(input);

        Assert.InRange(partial, 0, uninterrupted.Length - 2);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(uninterrupted, await harness.ExportAsync());
    }

    [Fact]
    public async Task KilledWhileIndexesAreAside_RerunRebuildsThemAndEndsLikeAnUninterruptedRun()
    {
        await using var harness = new MigrationHarness();
        var (input, uninterrupted, schema) = await UninterruptedRunAsync(harness, accounts: 1200, seed: 13, batchSize: 200);

        await RunProcessAsync(harness, input, killAfterBatches: 2);
        var aside = SqliteSchema.Read(harness.DatabasePath);
        var resumed = await harness.RunAsync(input);

        Assert.DoesNotContain(aside, s => s.StartsWith("index IX_Accounts_Identifier:", StringComparison.Ordinal));
        Assert.DoesNotContain(aside, s => s.StartsWith("index IX_AccountAliases_Alias:", StringComparison.Ordinal));
        Assert.Contains(aside, s => s.StartsWith("table __DeferredIndexes:", StringComparison.Ordinal));
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(uninterrupted, await harness.ExportAsync());
        Assert.Equal(schema, SqliteSchema.Read(harness.DatabasePath));
        var second = await harness.RunAsync(input);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, harness.Summary().GetProperty("accountsCreated").GetInt32());
        Assert.Equal(uninterrupted, await harness.ExportAsync());
    }

    /// <summary>The reference: generated exports migrated without interruption, its accounts export and schema; then a new directory.</summary>
    private static async Task<((string Siecle, string Comptes) Input, string[] Accounts, List<string> Schema)> UninterruptedRunAsync(
        MigrationHarness harness, int accounts, int seed, int batchSize)
    {
        var input = await harness.GenerateAsync(accounts, seed);
        harness.Settings["Migration:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await harness.RunAsync(input);
        var export = await harness.ExportAsync();
        var schema = SqliteSchema.Read(harness.DatabasePath);
        harness.DeleteDatabase();
        return (input, export, schema);
    }

    private static async Task<int> RunProcessAsync(MigrationHarness harness, (string Siecle, string Comptes) input, int killAfterBatches)
    {
        using var process = Process.Start(ProcessStart(harness, input, quiet: true))!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await KillAfterBatches.KillAsync(process, harness.DatabasePath, killAfterBatches, TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 137, $"exit {process.ExitCode}: {await stdout} {await stderr}");
        return process.ExitCode;
    }

    /// <summary>The real program, configured through environment variables as an operator would.</summary>
    private static ProcessStartInfo ProcessStart(MigrationHarness harness, (string Siecle, string Comptes) input, bool quiet)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "SupportBot.Migration.dll"), "run", "--siecle", input.Siecle,
                     "--comptes", input.Comptes, "--report", harness.ReportFolder })
        {
            start.ArgumentList.Add(arg);
        }

        if (quiet)
        {
            start.ArgumentList.Add("--quiet");
        }

        foreach (var (key, value) in harness.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static async Task<int> CountAccountsAsync(MigrationHarness harness)
    {
        var directory = await harness.DirectoryAsync();
        await using var scope = directory.Scope();
        var count = await directory.Get<DirectoryDbContext>(scope).Accounts.CountAsync(TestContext.Current.CancellationToken);
        await directory.ShutDownKeepingFilesAsync();
        return count;
    }
}
