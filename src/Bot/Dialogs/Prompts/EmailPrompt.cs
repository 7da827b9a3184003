using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs.Prompts;

internal sealed class EmailPrompt(IEntityRecognizer entities, string id = EmailPrompt.DefaultId, PromptValidator<string>? validator = null)
    : Prompt<string>(id, validator), IValuePrompt
{
    public const string DefaultId = "prompt.email";

    public string? Hear(TurnContext turn, string text) => entities.RecognizeEmail(text);

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text) =>
        Hear(turn, text) is { } email ? Recognition<string>.Success(email) : Recognition<string>.Failure();
}
