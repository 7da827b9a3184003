using System.Globalization;
using System.Text;

namespace SupportBot.Bot.Tests.Dialogs.Conversations;

/// <summary>
/// How the evaluation compares a fragment with the bot's replies: in substance, not to the letter. Case, accents,
/// apostrophes (’ = '), quotes (« » “ ” = "), dashes (– — = -), Markdown emphasis and spacing (no-break spaces included)
/// do not count, so that a web reply in Markdown and its plain SMS variant answer the same fragment.
/// </summary>
internal static class ReplyText
{
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '*')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c switch
            {
                '’' or '‘' or 'ʼ' or '`' or '´' => "'",
                '«' or '»' or '“' or '”' or '„' => "\"",
                '–' or '—' or '‑' or '−' => "-",
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                _ => char.ToLowerInvariant(c).ToString(),
            });
        }

        return result.ToString();
    }

    public static bool Contains(string normalizedReplies, string fragment) =>
        normalizedReplies.Contains(Normalize(fragment), StringComparison.Ordinal);
}
