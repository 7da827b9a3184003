using System.Text.RegularExpressions;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// An account identifier: EduConnect's p.nom12, or a legacy téléservices one (letters, digits, dot, dash, underscore).
/// An e-mail address is refused with its own retry text (« email »): parents often give it instead.
/// </summary>
internal partial class IdentifierPrompt(string id = IdentifierPrompt.DefaultId, PromptValidator<string>? validator = null)
    : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.identifier";

    public static IReadOnlyList<string> Problems { get; } = ["not-recognized", "email"];

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text)
    {
        var candidate = text.Trim().Trim('.', '!', '«', '»', '"', '\'').Trim().ToLowerInvariant();
        if (candidate.Contains('@'))
        {
            return Recognition<string>.Failure("email");
        }

        return IdentifierPattern().IsMatch(candidate) ? Recognition<string>.Success(candidate) : Recognition<string>.Failure();
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex IdentifierPattern();
}
