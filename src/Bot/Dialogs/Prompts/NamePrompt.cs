using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// A person's name, as free text at its question (at most 200 characters), and heard in a message that comes before it
/// (« je m'appelle ... », « mon fils ... »: <see cref="FrenchMentions"/>). At its question, the name is taken out of
/// such words when they are there (« je m'appelle Guillaume Reabu » keeps « Guillaume Reabu »).
/// </summary>
internal sealed class NamePrompt(string id, Func<string, string?> reader) : Prompt<string>(id), IValuePrompt
{
    public const string ParentId = "prompt.parent-name";
    public const string ChildId = "prompt.child-name";

    public static NamePrompt Parent() => new(ParentId, FrenchMentions.ParentName);

    public static NamePrompt Child() => new(ChildId, FrenchMentions.ChildName);

    public string? Hear(TurnContext turn, string text) => reader(text);

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text) => text switch
    {
        { Length: 0 } => Recognition<string>.Failure("empty"),
        { Length: > TextPrompt.MaxLength } => Recognition<string>.Failure("too-long"),
        _ => Recognition<string>.Success(reader(text) ?? text),
    };
}
