namespace SupportBot.Testing;

/// <summary>The repository the tests run from (where SupportBot.sln is), for dialogs/, tests/oracles and the built service.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SupportBot.sln not found above the test binaries.");
    }
}
