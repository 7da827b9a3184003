namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// What a prompt returns to its parent: the value, or the fact that the attempts ran out. With or instead of an answer,
/// the values of the kinds the step listens for (<see cref="PromptOptions.Hears"/>) heard in the message, or one of the
/// step's intents (<see cref="PromptOptions.Intents"/>) recognised instead of an answer.
/// </summary>
internal sealed record PromptResult(bool Succeeded, object? Value)
{
    public static PromptResult Failed { get; } = new(false, null);

    /// <summary>Prompt id → value, only the kinds heard; null when none.</summary>
    public IReadOnlyDictionary<string, string>? Heard { get; init; }

    public string? Intent { get; init; }
}
