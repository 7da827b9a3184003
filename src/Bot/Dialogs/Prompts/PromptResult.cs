namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>What a prompt returns to its parent: the value, or the fact that the attempts ran out.</summary>
internal sealed record PromptResult(bool Succeeded, object? Value)
{
    public static PromptResult Failed { get; } = new(false, null);
}
