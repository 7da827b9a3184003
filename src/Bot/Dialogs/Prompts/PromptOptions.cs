using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// What a prompt says and accepts. Saved with the prompt's state, so a restarted service asks again in the same words.
/// <see cref="Retries"/> holds a retry text per recognition problem (for dates: impossible, future, incomplete...).
/// <see cref="Hears"/> names the prompts (<see cref="IValuePrompt"/>) whose values the step takes with or instead of
/// an answer; <see cref="Intents"/> the intents that answer in its place.
/// </summary>
internal sealed record PromptOptions(
    MessageText Prompt,
    MessageText? Retry = null,
    IReadOnlyList<ChoiceOption>? Choices = null,
    int MaxAttempts = 3,
    IReadOnlyDictionary<string, MessageText>? Retries = null,
    IReadOnlyList<string>? Hears = null,
    IReadOnlyList<string>? Intents = null);
