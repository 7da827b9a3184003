using SupportBot.Bot.Dialogs.Prompts;

namespace SupportBot.Bot.Dialogs.Declarative.Steps;

/// <summary>
/// The prompts a file names (<c>prompt:</c> of an ask step, the keys of <c>when-given:</c>): their dialog, their
/// retry-when problems, and whether their value can be heard in a message that does not answer them (the prompts
/// implementing <see cref="IValuePrompt"/>).
/// </summary>
internal static class PromptKinds
{
    internal sealed record PromptKind(string DialogId, IReadOnlyList<string> Problems, bool Heard);

    public static IReadOnlyDictionary<string, PromptKind> All { get; } = new Dictionary<string, PromptKind>(StringComparer.Ordinal)
    {
        ["text"] = new(TextPrompt.DefaultId, ["empty", "too-long"], false),
        ["email"] = new(EmailPrompt.DefaultId, [Recognition<string>.NotRecognized], true),
        ["phone"] = new(PhonePrompt.DefaultId, [Recognition<string>.NotRecognized], true),
        ["date"] = new(DatePrompt.DefaultId, DatePrompt.Problems, true),
        ["identifier"] = new(IdentifierPrompt.DefaultId, IdentifierPrompt.Problems, true),
        ["reference"] = new(ReferencePrompt.DefaultId, [Recognition<string>.NotRecognized], true),
        ["parent-name"] = new(NamePrompt.ParentId, ["empty", "too-long"], true),
        ["child-name"] = new(NamePrompt.ChildId, ["empty", "too-long"], true),
    };

    /// <summary>The school, heard for a <c>kind: school</c> step (not a prompt an ask step can name).</summary>
    public static PromptKind School { get; } = new(SchoolDialog.DefaultId, [], true);

    public static IEnumerable<string> HeardNames => All.Where(k => k.Value.Heard).Select(k => k.Key);

    public static bool IsHeard(string dialogId) => dialogId == School.DialogId || All.Values.Any(k => k.Heard && k.DialogId == dialogId);
}
