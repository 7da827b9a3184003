using SupportBot.AccountDirectory.Validation;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>A phone number, returned in E.164.</summary>
internal sealed class PhonePrompt(IEntityRecognizer entities, string id = PhonePrompt.DefaultId, PromptValidator<string>? validator = null)
    : Prompt<string>(id, validator), IValuePrompt
{
    public const string DefaultId = "prompt.phone";

    // Checked again with the directory's own rule, so that a number the directory would refuse is asked again here
    // rather than failing later when the case is opened.
    public string? Hear(TurnContext turn, string text) =>
        entities.RecognizePhone(text) is { } phone && MobilePhones.TryNormalize(phone, out var e164) ? e164 : null;

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text) =>
        Hear(turn, text) is { } phone ? Recognition<string>.Success(phone) : Recognition<string>.Failure();
}
