namespace SupportBot.Bot.Language;

/// <summary>Yes/no answers as parents type them: « ouais », « ok », « d'accord », « non merci », « pas du tout »...</summary>
internal static class FrenchYesNo
{
    // Negations first: "pas d'accord" and "absolument pas" contain a yes word.
    private static readonly string[] No =
    [
        "pas du tout", "absolument pas", "surtout pas", "certainement pas", "pas vraiment", "pas d accord",
        "pas question", "pas besoin", "pas la peine", "pas encore", "jamais", "non", "nan", "nope", "nn", "negatif",
        "ce n est pas ca", "c est pas ca", "pas ca", "aucunement",
    ];

    private static readonly string[] Yes =
    [
        "oui", "ouais", "ouai", "ouep", "ouaip", "oue", "wi", "yes", "yep", "ok", "okay", "oki", "okey", "dac", "dacc",
        "d accord", "bien sur", "exactement", "exact", "tout a fait", "volontiers", "c est ca", "c est bien ca",
        "affirmatif", "carrement", "evidemment", "je veux bien", "ca marche", "entendu", "absolument", "certainement",
        "effectivement", "correct", "bien entendu", "vas y", "allez y", "parfait", "c est exact", "tout juste",
    ];

    // What acknowledges a reply rather than accepts an offer: "ok merci" after an answer closes the conversation, where
    // "oui merci" accepts what the question offered.
    private static readonly HashSet<string> Acknowledgements = ["ok", "okay", "oki", "okey", "dac", "dacc", "d accord", "ca marche", "entendu", "parfait"];

    // Alone, "si" answers a negative question; inside a sentence it is "if".
    private static readonly string[] YesWhenAlone = ["si", "yes", "voila", "oui oui"];

    // In a longer sentence only the opening words answer the question: "oui j'ai perdu mon mot de passe" is yes,
    // "je ne comprends pas comment ça marche" is no answer at all.
    private const int ShortAnswerWords = 5;
    private const int OpeningWords = 4;

    public static bool? Recognize(string text) => Read(text).Answer;

    /// <summary>A yes said only with words that acknowledge (« ok », « d'accord »), none that accepts (« oui », « volontiers »).</summary>
    public static bool IsAcknowledgement(string text) => Read(text) is { Answer: true, Accepted: false };

    private static (bool? Answer, bool Accepted) Read(string text)
    {
        var words = FrenchText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return (null, false);
        }

        var folded = " " + string.Join(' ', words.Length <= ShortAnswerWords ? words : words[..OpeningWords]) + " ";

        if (YesWhenAlone.Contains(string.Join(' ', words)))
        {
            return (true, true);
        }

        var saidNo = false;
        foreach (var phrase in No)
        {
            var padded = " " + phrase + " ";
            if (folded.Contains(padded, StringComparison.Ordinal))
            {
                saidNo = true;
                folded = folded.Replace(padded, " ", StringComparison.Ordinal);
            }
        }

        var said = Yes.Where(phrase => folded.Contains(" " + phrase + " ", StringComparison.Ordinal)).ToList();
        return (said.Count > 0, saidNo) switch
        {
            (true, false) => (true, said.Any(s => !Acknowledgements.Contains(s))),
            (false, true) => (false, false),
            _ => (null, false),
        };
    }
}
