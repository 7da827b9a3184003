using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Security;

/// <summary>
/// A signing key: the configured one (shared by every instance in production), else a random one kept in a file of the
/// data folder beside the embedded database, so that tokens and links outlive a restart.
/// </summary>
internal static class SigningKeyFile
{
    private const int KeyBytes = 64;

    /// <param name="setting">The configuration key, named when the configured value is too short.</param>
    public static byte[] LoadOrCreate(string? configured, string setting, string path)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured.Length >= 32
                ? Encoding.UTF8.GetBytes(configured)
                : throw new InvalidOperationException($"{setting} must be at least 32 characters long.");
        }

        var fullPath = Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // Created with O_EXCL, so exactly one creator wins, even two instances starting on one folder; the others read
        // its key, waiting the instant it takes to be written (a file found empty is one being written, not a key).
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (File.Exists(fullPath))
            {
                if (Read(fullPath) is { } existing)
                {
                    return existing;
                }

                Thread.Sleep(5);
                continue;
            }

            var key = RandomNumberGenerator.GetBytes(KeyBytes);
            try
            {
                using var stream = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(fullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
                stream.Flush(flushToDisk: true);
                return key;
            }
            catch (IOException) when (File.Exists(fullPath))
            {
                // Another creator was first: read theirs.
            }
        }

        throw new InvalidOperationException($"The signing key file {fullPath} is empty or damaged: delete it (a new key is then made; links and tokens signed with the old one stop working) or set {setting}.");
    }

    /// <summary>The whole key, or null while the file holds less (being written, or damaged).</summary>
    private static byte[]? Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        var key = new byte[KeyBytes];
        return Convert.TryFromBase64String(text, key, out var length) && length == KeyBytes ? key : null;
    }
}
