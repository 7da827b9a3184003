using System.Globalization;
using System.Text;

namespace SupportBot.Bot.Schools;

/// <summary>
/// Folds a school's name, a commune or what a parent typed into the words the index compares: lower case, no accents,
/// apostrophes and hyphens as spaces, st/ste expanded, numbers as French words. The same function serves both sides,
/// so « Corps-Nuds », « corps nuds » and « CORPS NUDS » are one thing.
/// </summary>
internal static class SchoolText
{
    private static readonly Dictionary<string, string[]> Expansions = new(StringComparer.Ordinal)
    {
        ["st"] = ["saint"], ["ste"] = ["sainte"], ["sts"] = ["saint"], ["stes"] = ["sainte"],
        // Parents of Catholic schools write « ND de Lourdes », « SC » rarely: only the common one.
        ["nd"] = ["notre", "dame"],
        ["mat"] = ["maternelle"], ["elem"] = ["elementaire"], ["elm"] = ["elementaire"], ["prim"] = ["primaire"],
        ["pub"] = ["publique"], ["priv"] = ["privee"],
        // The administration's own abbreviations, used by directors and teachers who help parents.
        ["eepu"] = ["elementaire", "publique"], ["empu"] = ["maternelle", "publique"], ["eppu"] = ["primaire", "publique"],
        ["eepr"] = ["elementaire", "privee"], ["empr"] = ["maternelle", "privee"], ["eppr"] = ["primaire", "privee"],
        ["1er"] = ["premier"], ["1ere"] = ["premier"], ["1re"] = ["premier"],
    };

    /// <summary>
    /// Words that name nothing: articles and prepositions, and what parents wrap a school's name in (« l'école de mon
    /// fils c'est ... merci »). Dropped on both sides, so a school's name never needs them either.
    /// </summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "de", "du", "des", "au", "aux", "en", "et", "sur", "sous", "lez", "un", "une", "ou", "dans", "chez",
        "pour", "par", "avec", "cote", "vers", "entre", "of",
        "je", "moi", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "leur", "leurs", "nos", "vos", "il", "elle",
        "ils", "elles", "on", "nous", "vous", "ce", "cet", "cette", "ces", "cest", "ca", "qui", "que", "quoi", "quel",
        "quelle", "dont", "est", "sont", "suis", "es", "etait", "sera", "va", "vont", "vais", "aller", "etre", "ai",
        "as", "avons", "avez", "ont", "fait", "faire", "ne", "pas", "plus", "tres", "bien", "oui", "non", "si", "mais",
        "donc", "car", "alors", "voila", "aussi", "deja", "encore", "actuellement", "maintenant", "ici",
        "merci", "bcp", "beaucoup", "bonjour", "bonsoir", "salut", "svp", "stp", "plait", "sil", "jsp", "sais", "sait",
        "connais", "ben", "euh", "hello", "coucou", "cordialement", "madame", "monsieur",
        "ecole", "ecoles", "ecol", "ecolle", "ekole", "groupe", "scolaire", "scolaires", "etablissement", "communale",
        "intercommunale", "hors", "contrat", "nom", "appelle", "appele", "appel", "situe", "situee", "trouve", "ville",
        "commune", "village", "quartier", "fils", "fille", "filles", "enfant", "enfants", "garcon", "gamin", "gamins",
        "loulou", "classe", "classes", "section", "cp", "ce1", "ce2", "cm1", "cm2", "ps", "ms", "gs", "tps",
        "inscrit", "inscrite", "inscrits", "scolarise", "scolarisee", "scolarises", "code", "uai", "rne", "numero",
        "cherche", "trouver", "arrondissement", "arrdt", "arr", "cedex",
    };

    /// <summary>
    /// Everyday French that parents use to describe a school rather than name it (« la petite école du centre », « celle
    /// à côté de la mairie », « la même que l'an dernier »), and that also turns up inside real names (Providence Centre,
    /// la Petite Courcière, Bourg-des-Comptes, les Prés Verts). Kept as names, since a name may be made of them, but never
    /// enough on its own: a school needs a word of its name that is not one of these, or all of its name typed. Their
    /// rarity among schools says nothing of how often parents type them, hence a list. Keys (as <see cref="Key"/>).
    /// </summary>
    private static readonly HashSet<string> GenericWords = new(
        new[]
        {
            // How a place looks, how old or big it is.
            "petit", "petite", "grand", "grande", "gros", "grosse", "nouveau", "nouvel", "nouvelle", "neuf", "neuve", "vieux",
            "vieil", "vieille", "ancien", "ancienne", "beau", "bel", "belle", "joli", "jolie", "bleu", "bleue", "vert", "verte",
            "rouge", "blanc", "blanche", "noir", "noire", "jaune", "rose", "gris", "grise", "haut", "haute", "bas", "basse",
            "long", "longue", "premier", "premiere", "dernier", "derniere", "autre", "meme", "proche", "seul", "seule", "bon",
            "bonne", "vrai", "vraie", "principal", "principale", "central", "centrale",
            // Where it is in a town.
            "centre", "bourg", "ville", "village", "quartier", "rue", "avenue", "boulevard", "place", "route", "chemin", "allee",
            "impasse", "mairie", "eglise", "gare", "poste", "marche", "stade", "piscine", "gymnase", "salle", "parc", "jardin",
            "square", "port", "plage", "pont", "lac", "etang", "riviere", "foret", "bois", "champ", "campagne", "mer", "maison",
            "immeuble", "residence", "lotissement", "cite", "zone", "coin", "bout", "fond", "face", "derriere", "devant",
            "pres", "loin", "boulangerie", "pharmacie", "supermarche", "magasin", "nord", "sud", "est", "ouest",
            // Whose school it is, and when.
            "mere", "pere", "maman", "papa", "mamie", "papi", "papy", "soeur", "frere", "cousin", "cousine", "neveu", "niece",
            "voisin", "voisine", "copain", "copine", "ami", "amie", "maitre", "maitresse", "instit", "institutrice",
            "directeur", "directrice", "parent", "bebe", "an", "annee", "jour", "semaine", "mois", "hier", "demain", "rentree",
            "septembre", "matin", "soir", "avant", "apres", "depuis", "prochain", "prochaine", "quand", "celle", "celui", "ceux",
            "tout", "toute", "tous", "rien", "chose", "truc", "souviens", "rappelle", "oublie", "juste",
            // What goes on around a school.
            "garderie", "halte", "aere", "loisirs", "cantine", "periscolaire", "accueil", "nounou", "assistante",
        }.Select(Key),
        StringComparer.Ordinal);

    /// <summary>
    /// Establishments that are not écoles: « le collège Jean Moulin » is not the école Jean Moulin, and the index knows
    /// only écoles. Keys (as <see cref="Key"/>).
    /// </summary>
    private static readonly HashSet<string> OtherEstablishments = new(
        new[] { "college", "lycee", "creche", "universite", "faculte", "fac", "iut" }.Select(Key), StringComparer.Ordinal);

    /// <summary>The words that end the short name of a commune: Montfort-sur-Meu, Saint-Aubin-d'Aubigné, Bazouges-la-Pérouse.</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "de", "du", "des", "d", "sur", "sous", "en", "le", "la", "les", "l", "lez", "aux", "au", "et",
    };

    private static readonly string[] Units =
        ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
         "quatorze", "quinze", "seize"];

    private static readonly string[] Tens = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"];

    /// <summary>« L'école Ste-Anne, 3 Rue ! » → « l ecole sainte anne trois rue »: the folded words, nothing dropped.</summary>
    public static string Normalize(string text) => string.Join(' ', Words(text));

    /// <summary>The folded words of <paramref name="text"/>, expanded (st → saint, 3 → trois), stop-words included.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var raw in Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Expansions.TryGetValue(raw, out var expansion))
            {
                words.AddRange(expansion);
            }
            else if (raw == "1")
            {
                // « un » is also the article, dropped as chatter: « Paris 1 » must still be the 1er arrondissement.
                words.Add("premier");
            }
            else if ((Ordinal(raw) ?? Roman(raw)) is { } number)
            {
                // « les 3 pierres », « Paris 15e », and « Jean XXIII » also typed « jean 23 ».
                words.AddRange(NumberWords(number).Split(' '));
            }
            else
            {
                words.Add(raw);
            }
        }

        return words;
    }

    public static bool IsStopWord(string word) => word.Length < 2 || StopWords.Contains(word);

    public static bool IsPreposition(string word) => Prepositions.Contains(word);

    /// <summary>Whether <paramref name="key"/> (a <see cref="Key"/>) is everyday French that describes more than it names.</summary>
    public static bool IsGeneric(string key) => GenericWords.Contains(key);

    /// <summary>Whether <paramref name="key"/> names a kind of establishment that is not an école (collège, lycée, crèche…).</summary>
    public static bool IsOtherEstablishment(string key) => OtherEstablishments.Contains(key);

    /// <summary>
    /// The form the index compares: a light plural stripped (« pierres » → « pierre », « vieux » → « vieu ») and
    /// sainte → saint, as parents write « st anne » for « Ste Anne ».
    /// </summary>
    public static string Key(string word)
    {
        if (word is "sainte")
        {
            return "saint";
        }

        if (word.Length >= 4 && (word[^1] is 'x' || (word[^1] is 's' && word[^2] is not 's')) && !char.IsAsciiDigit(word[^2]))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>
    /// A rough French sound key for spellings the ear accepts (« jozef » and « joseph », « jaques » and « jacques »):
    /// ph → f, qu/c/k → k, z → s, y → i, silent h and final letters dropped, doubled letters single.
    /// </summary>
    public static string Phonetic(string key)
    {
        var s = new StringBuilder(key);
        s.Replace("cqu", "k").Replace("qu", "k").Replace("ck", "k").Replace("ph", "f").Replace("th", "t").Replace("eau", "o")
            .Replace("au", "o").Replace("ai", "e").Replace("ei", "e").Replace("z", "s").Replace("y", "i").Replace("w", "v");
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == 'c')
            {
                // « ch » is its own sound (Chollet is not « colette »), but k in « chr », « chl » (Christophe).
                var next = i + 1 < s.Length ? s[i + 1] : ' ';
                var afterNext = i + 2 < s.Length ? s[i + 2] : ' ';
                s[i] = next is 'e' or 'i' ? 's' : next == 'h' && afterNext is not ('r' or 'l') ? 'c' : 'k';
            }
            else if (s[i] == 'g' && i + 1 < s.Length && s[i + 1] is 'e' or 'i')
            {
                s[i] = 'j';
            }
        }

        var folded = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            // A silent h, except in « ch ».
            if (c == 'h' && (i == 0 || s[i - 1] != 'c'))
            {
                continue;
            }

            if (folded.Length > 0 && folded[^1] == c)
            {
                continue;
            }

            folded.Append(c);
        }

        while (folded.Length > 2 && folded[^1] is 'e' or 's' or 't' or 'd' or 'x')
        {
            folded.Length--;
        }

        return folded.ToString();
    }

    /// <summary>1 or 2 digits, bare or as an ordinal (« 15e », « 2eme », « 3ème » folded), else null.</summary>
    private static int? Ordinal(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        var suffix = word[digits..];
        return digits is 1 or 2 && suffix is "" or "e" or "eme" or "em" or "me"
            ? int.Parse(word.AsSpan(0, digits), CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The value of a Roman numeral of two letters or more among i, v and x, written canonically (« xxiii »), else null.</summary>
    public static int? Roman(string word)
    {
        if (word.Length < 2 || word.Length > 8 || !word.All(c => c is 'i' or 'v' or 'x'))
        {
            return null;
        }

        var value = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var digit = word[i] switch { 'i' => 1, 'v' => 5, _ => 10 };
            var next = i + 1 < word.Length ? word[i + 1] switch { 'i' => 1, 'v' => 5, _ => 10 } : 0;
            value += digit < next ? -digit : digit;
        }

        return value is > 0 and < 40 && ToRoman(value) == word ? value : null;
    }

    private static string ToRoman(int value) =>
        new string('x', value / 10) + (value % 10) switch
        {
            9 => "ix",
            >= 5 and var unit => "v" + new string('i', unit - 5),
            4 => "iv",
            var unit => new string('i', unit),
        };

    /// <summary>0 to 99 in French words: 3 → « trois », 21 → « vingt et un », 97 → « quatre vingt dix sept ».</summary>
    public static string NumberWords(int n)
    {
        if (n <= 16)
        {
            return Units[n];
        }

        if (n < 20)
        {
            return "dix " + Units[n - 10];
        }

        if (n < 70)
        {
            var unit = n % 10;
            return Tens[n / 10] + (unit == 0 ? "" : unit == 1 ? " et un" : " " + Units[unit]);
        }

        if (n < 80)
        {
            return n == 71 ? "soixante et onze" : "soixante " + NumberWords(n - 60);
        }

        return n == 80 ? "quatre vingt" : "quatre vingt " + NumberWords(n - 80);
    }

    /// <summary>
    /// Lower case without accents; an elided apostrophe (« l'école », « d'Arc ») and every other punctuation mark
    /// become a space, an apostrophe inside a word (« Roc'h », « Montesso'Rennes ») joins its halves.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var wordLength = 0;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is 'œ' or 'æ')
            {
                builder.Append(c == 'œ' ? "oe" : "ae");
                wordLength += 2;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
                wordLength++;
            }
            else if (c is '\'' or '’' or 'ʼ' or '`' && wordLength > 1 && !(wordLength == 2 && builder[^2] == 'q' && builder[^1] == 'u'))
            {
                // Joined: the next letters continue this word.
            }
            else if (wordLength > 0)
            {
                builder.Append(' ');
                wordLength = 0;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
