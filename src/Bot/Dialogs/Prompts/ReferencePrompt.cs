using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>A case reference (SB-7KQ4M2), returned normalised.</summary>
internal sealed class ReferencePrompt(string id = ReferencePrompt.DefaultId) : Prompt<string>(id)
{
    public const string DefaultId = "prompt.reference";

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text) =>
        CaseReference.FindInAnswer(text) is { } reference ? Recognition<string>.Success(reference) : Recognition<string>.Failure();
}
