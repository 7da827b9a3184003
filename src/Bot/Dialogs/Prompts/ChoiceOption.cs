using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// A choice: its label on each channel and other words that select it; <paramref name="Leads"/>, the path it starts when
/// it leads to another dialog (a menu's entry), so that a word of it guessed in a longer message gives way to the path
/// that message clearly asks for.
/// </summary>
internal sealed record ChoiceOption(MessageText Label, IReadOnlyList<string>? Synonyms = null, string? Leads = null);
