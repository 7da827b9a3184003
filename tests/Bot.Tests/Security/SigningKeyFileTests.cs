using SupportBot.Bot.Security;

namespace SupportBot.Bot.Tests.Security;

/// <summary>
/// The signing key kept in the data folder when none is configured: created once, whoever asks first, and the same for
/// everyone after (two instances started together on one folder must sign with one key).
/// </summary>
public sealed class SigningKeyFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ManyAskingAtOnceForANewKey_AllGetTheSameFullKey()
    {
        for (var round = 0; round < 300; round++)
        {
            var path = Path.Combine(_folder, $"round-{round}", "directline-token.key");
            using var start = new Barrier(8);
            var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                return SigningKeyFile.LoadOrCreate(null, "DirectLine:TokenSigningKey", path);
            }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

            Assert.All(keys, key => Assert.Equal(64, key.Length));
            Assert.All(keys, key => Assert.Equal(keys[0], key));
            Assert.Equal(keys[0], SigningKeyFile.LoadOrCreate(null, "DirectLine:TokenSigningKey", path));
            Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
    }

    [Fact]
    public void AKeyFileLeftEmpty_IsRefusedNamingTheFileAndTheSetting()
    {
        var path = Path.Combine(_folder, "directline-token.key");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, "");

        var refused = Assert.Throws<InvalidOperationException>(() => SigningKeyFile.LoadOrCreate(null, "DirectLine:TokenSigningKey", path));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("DirectLine:TokenSigningKey", refused.Message, StringComparison.Ordinal);
        Assert.Equal("", File.ReadAllText(path));
    }

    [Fact]
    public void TheKeyFile_IsReadableByItsOwnerOnly()
    {
        var path = Path.Combine(_folder, "links.key");

        SigningKeyFile.LoadOrCreate(null, "Workspace:LinkSigningKey", path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void AConfiguredKeyTooShort_IsRefusedNamingItsSetting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SigningKeyFile.LoadOrCreate("court", "DirectLine:TokenSigningKey", Path.Combine(_folder, "x.key")));

        Assert.Contains("DirectLine:TokenSigningKey", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.key")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
