using System.Globalization;
using System.Text;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// One of <see cref="PromptOptions.Choices"/>, returned as its index: by number (« 2 », the SMS way), by label (the
/// web buttons post it back), or by a synonym, ignoring case, accents and punctuation. Guessed: a longer answer naming
/// one choice's synonym (« plutôt le mot de passe »), or a short one whose words belong to one choice only
/// (« l'élémentaire » among two schools of the same name).
/// </summary>
internal sealed class ChoicePrompt(string id = ChoicePrompt.DefaultId, PromptValidator<int>? validator = null) : Prompt<int>(id, validator)
{
    public const string DefaultId = "prompt.choice";

    // A short answer is a choice's own words; a longer one is a sentence, where common words would point anywhere.
    private const int MaxDistinctiveWords = 3;

    // Words too common to tell choices apart (« la maternelle », « celle de Rennes »).
    private static readonly HashSet<string> Common = ["les", "des", "une", "est", "mon", "mes", "son", "ses", "par", "pour", "avec", "dans", "sur", "celle", "celui"];

    /// <summary>The choice a <see cref="PromptReading.Guess"/> would take, or null.</summary>
    public ChoiceOption? Guessed(TurnContext turn, DialogInstance instance) =>
        Options(instance) is { Choices: { } choices } options
        && Recognize(turn, options, (turn.Activity.Text ?? "").Trim()) is { Succeeded: true, Guess: true, Value: var index }
            ? choices[index]
            : null;

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
            if (Words(choices[i]).Contains(answer))
            {
                return Recognition<int>.Success(i);
            }
        }

        // A longer answer naming exactly one choice's synonym (« plutôt le mot de passe »).
        var contained = Enumerable.Range(0, choices.Count)
            .Where(i => (choices[i].Synonyms ?? []).Select(Normalize).Any(s => s.Length >= 4 && answer.Contains(s, StringComparison.Ordinal)))
            .ToList();
        if (contained.Count == 1)
        {
            return Recognition<int>.Guessed(contained[0]);
        }

        // A short answer whose words are all in one choice's label or synonyms, and that choice only.
        var content = answer.Split(' ').Where(w => w.Length >= 3 && !Common.Contains(w)).ToList();
        if (contained.Count == 0 && content.Count is > 0 and <= MaxDistinctiveWords)
        {
            var holding = Enumerable.Range(0, choices.Count)
                .Where(i => Words(choices[i]).SelectMany(w => w.Split(' ')).ToHashSet() is var words && content.All(words.Contains))
                .ToList();
            if (holding.Count == 1)
            {
                return Recognition<int>.Guessed(holding[0]);
            }
        }

        return Recognition<int>.Failure();
    }

    private static IEnumerable<string> Words(ChoiceOption choice) =>
        new[] { choice.Label.Web, choice.Label.Sms }.Concat(choice.Synonyms ?? []).Select(Normalize);

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
