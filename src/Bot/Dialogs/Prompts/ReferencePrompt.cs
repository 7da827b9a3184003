using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>A case reference (SB-7KQ4M2), returned normalised; out of its question, only with its SB prefix.</summary>
internal sealed class ReferencePrompt(string id = ReferencePrompt.DefaultId) : Prompt<string>(id), IValuePrompt
{
    // A case reference is nothing personal, and operators follow cases by it in the log.
    protected override bool TakesPersonalData => false;

    public const string DefaultId = "prompt.reference";

    public string? Hear(TurnContext turn, string text) => CaseReference.Find(text);

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text) =>
        CaseReference.FindInAnswer(text) is { } reference ? Recognition<string>.Success(reference) : Recognition<string>.Failure();
}
