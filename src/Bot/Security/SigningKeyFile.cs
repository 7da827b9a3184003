using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Security;

/// <summary>
/// A signing key: the configured one (shared by every instance in production), else a random one kept in a file of the
/// data folder beside the embedded database, so that tokens and links outlive a restart.
/// </summary>
internal static class SigningKeyFile
{
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
        if (File.Exists(fullPath))
        {
            return Convert.FromBase64String(File.ReadAllText(fullPath).Trim());
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var key = RandomNumberGenerator.GetBytes(64);
        try
        {
            using (var stream = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(fullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            }

            return key;
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another instance created it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(fullPath).Trim());
        }
    }
}
