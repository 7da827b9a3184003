namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>Every dialog and text loaded from dialogs/, with what routes to them.</summary>
internal sealed class DialogCatalog(
    IReadOnlyDictionary<string, DialogDocument> dialogs,
    TextCatalog texts,
    IReadOnlyDictionary<string, string> intentRoutes,
    IReadOnlyDictionary<string, string> commands,
    int fileCount)
{
    public IReadOnlyDictionary<string, DialogDocument> Dialogs => dialogs;

    public TextCatalog Texts => texts;

    /// <summary>Intent name → dialog id.</summary>
    public IReadOnlyDictionary<string, string> IntentRoutes => intentRoutes;

    /// <summary>Normalised command word → dialog id.</summary>
    public IReadOnlyDictionary<string, string> Commands => commands;

    public int FileCount => fileCount;
}
