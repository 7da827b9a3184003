using System.Globalization;
using System.Text;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// One of <see cref="PromptOptions.Choices"/>, returned as its index: by number (« 2 », the SMS way), by label (the
/// web buttons post it back), or by a synonym, ignoring case, accents and punctuation.
/// </summary>
internal sealed class ChoicePrompt(string id = ChoicePrompt.DefaultId, PromptValidator<int>? validator = null) : Prompt<int>(id, validator)
{
    public const string DefaultId = "prompt.choice";

    protected override Recognition<int> Recognize(TurnContext turn, PromptOptions options, string text)
    {
        var choices = options.Choices ?? [];
        var answer = Normalize(text);
        if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return Recognition<int>.Success(number - 1);
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var words = new[] { choices[i].Label.Web, choices[i].Label.Sms }.Concat(choices[i].Synonyms ?? []).Select(Normalize);
            if (words.Contains(answer))
            {
                return Recognition<int>.Success(i);
            }
        }

        // A longer answer naming exactly one choice's synonym (« plutôt le mot de passe »).
        var contained = Enumerable.Range(0, choices.Count)
            .Where(i => (choices[i].Synonyms ?? []).Select(Normalize).Any(s => s.Length >= 4 && answer.Contains(s, StringComparison.Ordinal)))
            .ToList();
        return contained.Count == 1 ? Recognition<int>.Guessed(contained[0]) : Recognition<int>.Failure();
    }

    internal static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
