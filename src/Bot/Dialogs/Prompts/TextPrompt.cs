using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>Any non-empty text, at most 200 characters (names, a school).</summary>
internal sealed class TextPrompt(string id = TextPrompt.DefaultId, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.text";
    public const int MaxLength = 200;

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text) => text switch
    {
        { Length: 0 } => Recognition<string>.Failure("empty"),
        { Length: > MaxLength } => Recognition<string>.Failure("too-long"),
        _ => Recognition<string>.Success(text),
    };
}
