using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>Oui / non and their usual variants; the buttons (or 1 / 2 by SMS) are « Oui » and « Non ».</summary>
internal sealed class ConfirmPrompt(IEntityRecognizer entities, string id = ConfirmPrompt.DefaultId, PromptValidator<bool>? validator = null)
    : Prompt<bool>(id, validator)
{
    public const string DefaultId = "prompt.confirm";

    protected override Recognition<bool> Recognize(TurnContext turn, PromptOptions options, string text)
    {
        if (text is "1" or "2" && options.Choices is { Count: 2 })
        {
            return Recognition<bool>.Success(text == "1");
        }

        return entities.RecognizeYesNo(text) is { } yes ? Recognition<bool>.Success(yes) : Recognition<bool>.Failure();
    }
}
