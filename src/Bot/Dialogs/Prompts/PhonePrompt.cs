using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>A phone number, returned in E.164.</summary>
internal sealed class PhonePrompt(IEntityRecognizer entities, string id = PhonePrompt.DefaultId, PromptValidator<string>? validator = null)
    : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.phone";

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text) =>
        entities.RecognizePhone(text) is { } phone ? Recognition<string>.Success(phone) : Recognition<string>.Failure();
}
