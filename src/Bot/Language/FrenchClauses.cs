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

        var clauses = Separator().Split(text).Select(c => c.Trim()).Where(c => c.Count(char.IsLetter) >= 2).ToList();
        for (var i = 1; i < clauses.Count; i++)
        {
            clauses[i] = WithSharedVerb(clauses[i - 1], clauses[i]);
        }

        return clauses;
    }

    /// <summary>
    /// A clause that is only what the previous one's verb acts on takes that verb: « je voudrais changer mon mail et aussi
    /// mon mot de passe » → « je voudrais changer mon mot de passe ».
    /// </summary>
    private static string WithSharedVerb(string previous, string clause)
    {
        var elliptic = Elliptic().Match(clause);
        if (!elliptic.Success || clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxEllipticWords || Verb().IsMatch(clause))
        {
            return clause;
        }

        var objects = Determiner().Matches(previous);
        return objects.Count > 0 && objects[^1].Index > 0
            ? previous[..objects[^1].Index].TrimEnd() + " " + clause[elliptic.Groups["object"].Index..]
            : clause;
    }

    private const int MaxEllipticWords = 6;

    [GeneratedRegex(@"^(?:(?:et|aussi|également|egalement|en plus|puis)\s+)*(?<object>(?:mon|ma|mes|le|la|les|l['’]|un|une|votre|vos)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Elliptic();

    [GeneratedRegex(@"\s(?:mon|ma|mes|le|la|les|l['’]|un|une|votre|vos)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Determiner();

    // Words that make a clause a sentence of its own (« mon numéro c'est le 06... », « le code n'arrive pas »).
    [GeneratedRegex(@"\b(?:est|c['’]est|sont|suis|ai|a|as|ont|n['’]|ne|pas|marche|fonctionne|arrive|re[çc]ois|re[çc]u|perdu|oubli[ée]e?s?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verb();

    // A dot separates only when a space or the end follows it: « v.durant1 », « 06.12.34.56.78 », « ac-rennes.fr » stay whole.
    [GeneratedRegex(@"[?!;,]+|\.+(?=\s|$)|\s(?:et|mais|puis|ensuite|par contre|et aussi|en plus)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
