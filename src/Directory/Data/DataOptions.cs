namespace SupportBot.AccountDirectory.Data;

/// <summary>
/// Configuration section <c>Data</c>: the folder every program of SupportBot shares on the embedded defaults (the SQLite
/// directory, the mail outbox, the signing keys), so that the service, <c>schools import</c> and the migration see the
/// same directory wherever they are started from.
/// </summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Absolute, or relative to the working directory. Unset: <see cref="DefaultFolder"/>.</summary>
    public string? Folder { get; set; }

    /// <summary>The folder in use: <see cref="Folder"/> when set, else <see cref="DefaultFolder"/>.</summary>
    public string Path => string.IsNullOrWhiteSpace(Folder) ? DefaultFolder : System.IO.Path.GetFullPath(Folder);

    /// <summary>
    /// <c>data/</c> at the root of the repository the program was built from (the folder holding <c>SupportBot.sln</c>,
    /// found above the program itself, not above the working directory), or <c>data/</c> beside a published program.
    /// </summary>
    public static string DefaultFolder { get; } = FindDefault();

    /// <summary><paramref name="configured"/> when given, else <paramref name="name"/> inside the data folder.</summary>
    public string Resolve(string? configured, string name) =>
        string.IsNullOrWhiteSpace(configured) ? System.IO.Path.Combine(Path, name) : configured;

    private static string FindDefault()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SupportBot.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "data");
            }
        }

        return System.IO.Path.Combine(AppContext.BaseDirectory, "data");
    }
}
