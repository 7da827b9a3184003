namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>The named texts the C# code needs (apologies, e-mails...), read from files of schema <see cref="DialogCatalogLoader.TextsSchema"/>.</summary>
internal sealed class TextCatalog(IReadOnlyDictionary<string, MessageText> texts)
{
    public IReadOnlyDictionary<string, MessageText> All => texts;

    public MessageText Get(string name) =>
        texts.TryGetValue(name, out var text)
            ? text
            : throw new KeyNotFoundException($"The text « {name} » is not defined in dialogs/ (start-up validation should have refused this).");
}
