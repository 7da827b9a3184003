using System.Globalization;
using System.Text;

namespace SupportBot.Bot.Language;

/// <summary>
/// Folds French as parents type it (SMS spelling, missing accents, elisions) into one comparable form:
/// lower case, no accents, apostrophes and punctuation as spaces, common abbreviations expanded.
/// </summary>
internal static class FrenchText
{
    // Abbreviations seen in parents' SMS and chats. Expanded rather than learnt: the training set cannot hold
    // every spelling of every word, and "mdp" must mean "mot de passe" in all intents at once.
    private static readonly Dictionary<string, string> Expansions = new(StringComparer.Ordinal)
    {
        ["jai"] = "j ai", ["g"] = "j ai", ["jsuis"] = "je suis", ["chui"] = "je suis", ["jsui"] = "je suis",
        ["jarrive"] = "j arrive", ["jarrives"] = "j arrive", ["jme"] = "je me", ["jpeux"] = "je peux", ["jpx"] = "je peux",
        ["jveux"] = "je veux", ["jvoudrais"] = "je voudrais", ["jsp"] = "je sais pas", ["jsais"] = "je sais",
        ["c"] = "c est", ["cest"] = "c est", ["ya"] = "il y a", ["ny"] = "n y",
        ["narrive"] = "n arrive", ["nest"] = "n est", ["nai"] = "n ai", ["jnarrive"] = "je n arrive",
        ["mdp"] = "mot de passe", ["mdps"] = "mot de passe", ["pwd"] = "mot de passe", ["password"] = "mot de passe",
        ["motdepasse"] = "mot de passe", ["pb"] = "probleme", ["pbm"] = "probleme", ["pblm"] = "probleme",
        ["prob"] = "probleme", ["pbs"] = "probleme", ["svp"] = "s il vous plait", ["stp"] = "s il te plait",
        ["svpl"] = "s il vous plait", ["pr"] = "pour", ["ds"] = "dans", ["tt"] = "tout",
        ["tjs"] = "toujours", ["tjrs"] = "toujours", ["bjr"] = "bonjour", ["bjour"] = "bonjour", ["bsr"] = "bonsoir",
        ["slt"] = "salut", ["cc"] = "coucou", ["mrc"] = "merci", ["mci"] = "merci", ["merki"] = "merci", ["thx"] = "merci",
        ["pk"] = "pourquoi", ["pq"] = "pourquoi", ["qd"] = "quand", ["kan"] = "quand", ["koi"] = "quoi", ["ke"] = "que",
        ["k"] = "que", ["ac"] = "avec", ["avc"] = "avec", ["tel"] = "telephone",
        ["msg"] = "message", ["bcp"] = "beaucoup", ["dc"] = "donc", ["ms"] = "mais",
        ["nn"] = "non", ["pa"] = "pas", ["mel"] = "mail", ["mails"] = "mail", ["email"] = "mail", ["emails"] = "mail",
        ["courriel"] = "mail", ["courriels"] = "mail", ["mele"] = "mail", ["id"] = "identifiant", ["login"] = "identifiant",
        ["identifiants"] = "identifiant", ["num"] = "numero", ["no"] = "numero", ["ladresse"] = "l adresse",
        ["lidentifiant"] = "l identifiant", ["lenfant"] = "l enfant", ["denfant"] = "d enfant", ["lecole"] = "l ecole",
        ["jattends"] = "j attends", ["quil"] = "qu il",
        ["dnaissance"] = "date de naissance", ["ddn"] = "date de naissance",
        ["rdv"] = "rendez vous", ["qqn"] = "quelqu un", ["qqun"] = "quelqu un", ["qq1"] = "quelqu un", ["qlq"] = "quelque",
        ["fc"] = "franceconnect", ["educonect"] = "educonnect", ["toutatis"] = "toutatice",
        ["francconnect"] = "franceconnect", ["frenchconnect"] = "franceconnect",
    };

    private static readonly (string From, string To)[] Phrases =
    [
        (" france connect ", " franceconnect "), (" edu connect ", " educonnect "), (" e mail ", " mail "),
        (" mot de pass ", " mot de passe "), (" mots de passe ", " mot de passe "), (" tout a tice ", " toutatice "),
        (" code provisoire ", " mot de passe provisoire "), (" codes provisoires ", " mot de passe provisoire "),
    ];

    /// <summary>Lower case, no accents, no punctuation, single spaces; "J'ai oublié l'identifiant !" → "j ai oublie l identifiant".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is 'œ')
            {
                builder.Append("oe");
                lastWasSpace = false;
            }
            else if (c is 'æ')
            {
                builder.Append("ae");
                lastWasSpace = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary><see cref="Fold"/> then SMS abbreviations expanded: "jai perdu mon mdp" → "j ai perdu mon mot de passe".</summary>
    public static string Normalize(string text)
    {
        var tokens = Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(" ");
        for (var t = 0; t < tokens.Length; t++)
        {
            // "c'est" folds to "c est": the "c" is already followed by what it would expand to.
            var expanded = Expansions.TryGetValue(tokens[t], out var expansion)
                && !(t + 1 < tokens.Length && expansion.EndsWith(" " + tokens[t + 1], StringComparison.Ordinal));
            builder.Append(expanded ? expansion : tokens[t]).Append(' ');
        }

        foreach (var (from, to) in Phrases)
        {
            builder.Replace(from, to);
        }

        return builder.ToString().Trim();
    }
}
