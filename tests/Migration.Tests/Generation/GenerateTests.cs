using System.Security.Cryptography;
using SupportBot.Migration.Tests.Support;

namespace SupportBot.Migration.Tests.Generation;

public sealed class GenerateTests
{
    [Fact]
    public async Task SameSeed_ByteIdenticalIso885915Exports()
    {
        await using var harness = new MigrationHarness();
        var a = Path.Combine(harness.Folder, "a");
        var b = Path.Combine(harness.Folder, "b");

        Assert.Equal(0, (await harness.CliAsync("generate", "--accounts", "300", "--out", a, "--seed", "7")).ExitCode);
        Assert.Equal(0, (await harness.CliAsync("generate", "--accounts", "300", "--out", b, "--seed", "7")).ExitCode);

        Assert.Equal(Fingerprint(a), Fingerprint(b));
        var comptes = await File.ReadAllTextAsync(Path.Combine(a, "ComptesTeleservices.xml"), Exports.GetLatin9(), TestContext.Current.CancellationToken);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"iso-8859-15\"?>", comptes);
        Assert.Equal(300, comptes.Split("<COMPTE ").Length - 1);
        Assert.Contains("TYPE=\"JOINT\"", comptes);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(a, "siecle"), "ExportXML_*.zip", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task GeneratedExports_MigrateWithoutRejectsAndWithEveryKindOfCase()
    {
        await using var harness = new MigrationHarness();
        var folder = Path.Combine(harness.Folder, "gen");
        await harness.CliAsync("generate", "--accounts", "1500", "--out", folder);

        var result = await harness.RunAsync((Path.Combine(folder, "siecle"), Path.Combine(folder, "ComptesTeleservices.xml")));

        Assert.Equal(0, result.ExitCode);
        var s = harness.Summary();
        Assert.Equal(1500, s.GetProperty("legacyAccountsRead").GetInt32());
        Assert.Empty(s.GetProperty("rejectsByReason").EnumerateObject());
        Assert.True(s.GetProperty("jointAccounts").GetInt32() > 0);
        Assert.True(s.GetProperty("staleAttachments").GetInt32() > 0);
        Assert.True(s.GetProperty("possibleDuplicates").GetInt32() > 0);
        Assert.True(s.GetProperty("linksAddedByRapprochement").GetInt32() > 0);
        var accounts = await harness.AccountsAsync();
        Assert.Contains(accounts, a => a["personnes"].Contains('|'));
        Assert.Equal(s.GetProperty("accountsCreated").GetInt32(), accounts.Count);
    }

    private static string Fingerprint(string folder) => string.Join('\n', Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => Path.GetRelativePath(folder, f) + " " + (f.EndsWith(".zip", StringComparison.Ordinal)
            ? ZipContent(f)
            : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))));

    // Zip headers carry timestamps; the entries' bytes are what must not change.
    private static string ZipContent(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        return string.Join(',', zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            return e.FullName + ":" + Convert.ToHexString(SHA256.HashData(stream));
        }));
    }
}
