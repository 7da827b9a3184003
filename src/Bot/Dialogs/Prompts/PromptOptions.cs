using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// What a prompt says and accepts. Saved with the prompt's state, so a restarted service asks again in the same words.
/// <see cref="Retries"/> holds a retry text per recognition problem (for dates: impossible, future, incomplete...).
/// </summary>
internal sealed record PromptOptions(
    MessageText Prompt,
    MessageText? Retry = null,
    IReadOnlyList<ChoiceOption>? Choices = null,
    int MaxAttempts = 3,
    IReadOnlyDictionary<string, MessageText>? Retries = null);
