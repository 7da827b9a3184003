using System.Text.RegularExpressions;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// An account identifier: EduConnect's p.nom12, or a legacy téléservices one (letters, digits, dot, dash, underscore).
/// An e-mail address is refused with its own retry text (« email »): parents often give it instead. The answer is the
/// whole message, or an identifier inside it (« oui c'est v.durant1 », « mon identifiant : annelegoff35 »).
/// </summary>
internal partial class IdentifierPrompt(string id = IdentifierPrompt.DefaultId, PromptValidator<string>? validator = null)
    : Prompt<string>(id, validator), IValuePrompt
{
    public const string DefaultId = "prompt.identifier";

    public static IReadOnlyList<string> Problems { get; } = [Recognition<string>.NotRecognized, "email"];

    // Words that introduce the identifier: « mon identifiant c'est », « login : », « id = ».
    private static readonly HashSet<string> Cues = ["identifiant", "identifiants", "login", "id", "identifier"];
    private static readonly HashSet<string> Fillers = ["est", "c", "ce", "sera", "etait", "était", "educonnect", "bien"];
    private static readonly HashSet<string> TopLevelDomains = ["fr", "com", "org", "net", "eu", "info", "gouv", "io", "be"];

    /// <summary>
    /// Only the shapes an identifier has and ordinary words do not, since any word matches the answer's pattern: p.nom12
    /// anywhere (not a domain such as toutatice.fr); after « identifiant », a word with a digit, dot, dash or underscore;
    /// alone, letters ending in digits (annelegoff35).
    /// </summary>
    public string? Hear(TurnContext turn, string text) => Find(text);

    internal static string? Find(string text)
    {
        var tokens = Tokens(text);
        foreach (var token in tokens)
        {
            if (EduConnectShape().Match(token) is { Success: true } match && !TopLevelDomains.Contains(match.Groups["name"].Value))
            {
                return token;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!Cues.Contains(tokens[i]))
            {
                continue;
            }

            var next = i + 1;
            while (next < tokens.Count && Fillers.Contains(tokens[next]))
            {
                next++;
            }

            if (next < tokens.Count && AnswerPattern().IsMatch(tokens[next]) && tokens[next].Any(c => char.IsDigit(c) || c is '.' or '_' or '-'))
            {
                return tokens[next];
            }
        }

        return tokens.Count == 1 && LettersThenDigits().IsMatch(tokens[0]) ? tokens[0] : null;
    }

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text)
    {
        var candidate = text.Trim().Trim('.', '!', '«', '»', '"', '\'').Trim().ToLowerInvariant();
        if (AnswerPattern().IsMatch(candidate))
        {
            return Recognition<string>.Success(candidate);
        }

        if (Find(text) is { } heard)
        {
            return Recognition<string>.Success(heard);
        }

        return candidate.Contains('@') ? Recognition<string>.Failure("email") : Recognition<string>.Failure();
    }

    private static List<string> Tokens(string text) =>
        [.. TokenSeparators().Split(text.ToLowerInvariant()).Select(t => t.Trim('.', '-')).Where(t => t.Length > 0)];

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex AnswerPattern();

    [GeneratedRegex(@"^[a-z]{1,3}\.(?<name>[a-z][a-z-]*[a-z])\d{0,4}$")]
    private static partial Regex EduConnectShape();

    [GeneratedRegex(@"^[a-z][a-z._-]{2,}[a-z]\d{1,4}$")]
    private static partial Regex LettersThenDigits();

    // An e-mail address stays one token (and matches no shape above, having an @).
    [GeneratedRegex(@"[\s,;:=!?«»""'’()]+")]
    private static partial Regex TokenSeparators();
}
