using System.Text.RegularExpressions;

namespace SupportBot.Bot.Language;

/// <summary>
/// Who and where, as parents write them before they are asked: « je m'appelle Guillaume Reabu », « Je suis Valéry
/// Durant », « mon fils Hugo Reabu », « ma fille Léa », « il est à l'école élémentaire Jean Moulin de Rennes », « à la
/// maternelle de Melesse ». Each reader returns the words as written (or null): the name questions keep them, the school
/// question searches them. Cautious by design: a mention missed is asked for, a wrong one would be written in a case.
/// </summary>
public static partial class FrenchMentions
{
    private const int MaxNameWords = 4;

    /// <summary>Words that end a name: verbs, articles and prepositions that follow one (« mon fils Hugo est à ... »).</summary>
    private static readonly HashSet<string> NameStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "est", "es", "etait", "était", "sera", "a", "à", "au", "aux", "en", "dans", "de", "du", "des", "qui", "que", "et", "mais",
        "ou", "donc", "car", "n", "ne", "na", "n'a", "n'est", "il", "elle", "le", "la", "les", "l", "un", "une", "mon", "ma", "mes",
        "son", "sa", "ses", "je", "j", "j'ai", "jai", "ai", "suis", "pour", "par", "avec", "sans", "sur", "chez", "merci", "svp",
        "scolarise", "scolarisé", "scolarisée", "inscrit", "inscrite", "va", "vient", "entre", "rentre", "rentré", "rentrée",
        "aine", "aîné", "ainé", "aînée", "ainée", "cadet", "cadette", "petit", "petite", "grand", "grande", "ans", "an",
        "ce", "cet", "cette", "c", "c'est", "cest", "y", "on", "nous", "vous", "ils", "elles", "pas", "plus", "aussi", "bien",
        "tout", "toujours", "jamais", "deja", "déjà", "hier", "aujourd'hui", "lundi", "mardi", "mercredi", "jeudi",
        "vendredi", "samedi", "dimanche", "cp", "ce1", "ce2", "cm1", "cm2", "ps", "ms", "gs", "maternelle", "primaire",
        "école", "ecole", "collège", "college", "lycée", "lycee", "classe", "s'appelle", "sappelle", "appelle", "nommé",
    };

    /// <summary>The parent's own name: « je m'appelle X Y », « moi c'est X », « mon nom est X », or « je suis X Y » written with capitals.</summary>
    public static string? ParentName(string text)
    {
        foreach (Match match in ParentIntroduction().Matches(text))
        {
            if (NameAfter(text, match.Index + match.Length, capitalised: false) is { } name)
            {
                return name;
            }
        }

        foreach (Match match in ParentIAm().Matches(text))
        {
            // « je suis perdue », « je suis la maman de » are not names: only capitalised words are.
            if (NameAfter(text, match.Index + match.Length, capitalised: true) is { } name && name.Contains(' '))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The child's name: « mon fils X Y », « ma fille X », « mon enfant X », « il s'appelle X ».</summary>
    public static string? ChildName(string text)
    {
        foreach (Match match in ChildIntroduction().Matches(text))
        {
            if (NameAfter(text, match.Index + match.Length, capitalised: false) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The words naming a school where the child is (« à l'école ... », « à la maternelle ... », « dans l'école ... »): from
    /// « école », « maternelle », « élémentaire », « primaire », « groupe scolaire » to the end of its clause (« ..., mon
    /// numéro est ... »); or a UAI code.
    /// </summary>
    public static string? School(string text)
    {
        if (Uai().Match(text) is { Success: true } uai)
        {
            return uai.Value;
        }

        var match = SchoolStart().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var rest = text[match.Index..];
        var end = SchoolEnd().Match(rest);
        var words = (end.Success ? rest[..end.Index] : rest).Trim().TrimEnd('.', '!', '?', ';', ':', ',').Trim();

        // « l'école » alone, « à l'école » names no school.
        return words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 ? words : null;
    }

    private static string? NameAfter(string text, int start, bool capitalised)
    {
        var rest = text[start..];
        var words = new List<string>();
        var previous = 0;
        foreach (Match word in NameWord().Matches(rest))
        {
            // Punctuation between words ends the name (« Hugo, il est en CP »).
            if (rest[previous..word.Index].Trim().Length > 0)
            {
                break;
            }

            var value = word.Value;
            if (NameStops.Contains(value) || (capitalised && !char.IsUpper(value[0])))
            {
                break;
            }

            words.Add(value);
            previous = word.Index + word.Length;
            if (words.Count == MaxNameWords)
            {
                break;
            }
        }

        return words.Count > 0 ? string.Join(' ', words) : null;
    }

    [GeneratedRegex(@"\b(?:je\s+m['’]\s*appelle|je\s+mappelle|moi\s*,?\s*c['’]\s*est|mon\s+nom\s+(?:est|c['’]\s*est)|je\s+me\s+nomme)\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParentIntroduction();

    [GeneratedRegex(@"\bje\s+suis\s+(?:m(?:adame|onsieur|me|r)\.?\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParentIAm();

    [GeneratedRegex(@"\b(?:mon\s+(?:fils|enfant|gar[çc]on|gamin|petit[- ]fils)|ma\s+(?:fille|petite[- ]fille|gamine)|(?:il|elle)\s+s['’]\s*appelle|(?:il|elle)\s+sappelle)\s*,?\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChildIntroduction();

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\b0\d{2}\d{4}[A-Za-z]\b", RegexOptions.CultureInvariant)]
    private static partial Regex Uai();

    // Where the child is: « (il est) à l'école ... », « à la maternelle de ... », « dans l'école ... », « scolarisé au groupe
    // scolaire ... » — not « le courrier de l'école », which names no school.
    [GeneratedRegex(@"(?<=(?:^|[\s,])(?:à|a|au|dans|en)\s+(?:l['’]\s*|la\s+|le\s+)?)(?:[ée]cole|maternelle|[ée]l[ée]mentaire|primaire|groupe\s+scolaire)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchoolStart();

    [GeneratedRegex(@"[,;.!?\n]|\s(?:et|mais|mon|ma|mes|je|j['’]|il|elle|depuis|car|donc|qui|pour)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchoolEnd();
}
