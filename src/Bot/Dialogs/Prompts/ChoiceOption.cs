using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>A choice: its label on each channel and other words that select it.</summary>
internal sealed record ChoiceOption(MessageText Label, IReadOnlyList<string>? Synonyms = null);
