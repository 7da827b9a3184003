using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// A birth date read from French text, returned as yyyy-MM-dd. Problems name the retry texts: not-found, impossible,
/// future, incomplete. « Today » is the académie's (Paris) date.
/// </summary>
internal sealed class DatePrompt(IEntityRecognizer entities, string id = DatePrompt.DefaultId, PromptValidator<string>? validator = null)
    : Prompt<string>(id, validator), IValuePrompt
{
    public const string DefaultId = "prompt.date";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static IReadOnlyList<string> Problems { get; } = ["not-found", "impossible", "future", "incomplete"];

    /// <summary>A complete, possible birth date only: a partial or impossible one, out of its question, is not a value.</summary>
    public string? Hear(TurnContext turn, string text) => ReadDate(turn, text) is { Succeeded: true, Value: var date } ? date : null;

    protected override Recognition<string> Recognize(TurnContext turn, PromptOptions options, string text) => ReadDate(turn, text);

    private Recognition<string> ReadDate(TurnContext turn, string text)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(turn.Time.GetUtcNow(), Paris).DateTime);
        var date = entities.RecognizeBirthDate(text, today);
        return date switch
        {
            { Problem: DateProblem.None, Date: { } value } => Recognition<string>.Success(value.ToString("yyyy-MM-dd")),
            { Problem: DateProblem.Impossible } => Recognition<string>.Failure("impossible"),
            { Problem: DateProblem.Future } => Recognition<string>.Failure("future"),
            { Problem: DateProblem.Incomplete } => Recognition<string>.Failure("incomplete"),
            _ => Recognition<string>.Failure(Recognition<string>.NotFound),
        };
    }
}
