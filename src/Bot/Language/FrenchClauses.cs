using System.Text.RegularExpressions;

namespace SupportBot.Bot.Language;

/// <summary>
/// Cuts a parent's message into its clauses, so that each problem it raises can be recognised on its own:
/// « pas reçu le code sms et personne ne répond à l'école, je peux appeler qui ? » → three clauses.
/// </summary>
internal static partial class FrenchClauses
{
    /// <summary>The clauses, trimmed, in order; the whole text when it has a single one.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        if (!Separator().IsMatch(text))
        {
            return [text.Trim()];
        }

        return [.. Separator().Split(text).Select(c => c.Trim()).Where(c => c.Count(char.IsLetter) >= 2)];
    }

    // A dot separates only when a space or the end follows it: « v.durant1 », « 06.12.34.56.78 », « ac-rennes.fr » stay whole.
    [GeneratedRegex(@"[?!;,]+|\.+(?=\s|$)|\s(?:et|mais|puis|ensuite|par contre|et aussi|en plus)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
