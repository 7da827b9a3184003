namespace SupportBot.Bot.Site;

/// <summary>The HTML of Site/Content/, embedded in the program: French words live there, not in C#.</summary>
internal static class SiteContent
{
    public static string Read(string name)
    {
        using var stream = typeof(SiteContent).Assembly.GetManifestResourceStream("site/" + name)
            ?? throw new InvalidOperationException($"Site/Content/{name} is not embedded in the program.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
