using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.AccountDirectory.Schools;

namespace SupportBot.Bot.Schools;

/// <summary>
/// Finds the school a parent names (« st jo à corps nuds », « la maternelle de Melesse », « 0352207 j ») among the
/// schools it was built from, and says what the bot should do: confirm one, offer a few, or ask for the commune or the
/// name. The rules are written down in RULES.md beside this file. Immutable once built, so one index serves every
/// thread; look-ups borrow scratch arrays from a pool, so one allocates only its words and its answer.
/// </summary>
internal sealed partial class SchoolIndex
{
    /// <summary>The most schools the bot offers at once.</summary>
    public const int MaxChoices = 5;

    // The scores are fractions of what the parent typed that a school explains (see RULES.md). These thresholds are the
    // scorer's whole tuning: set on the labelled phrasings of tests/Bot.Tests/Schools (MinExplained raised from 0.5 so
    // that one known word beside an unknown name, « ecole victor schoelcher », offers nothing), and checked on four
    // phrasings of each of the extract's 543 schools with a name of their own in their commune: none confirmed wrongly.
    // MinNameTyped, OneNameTyped, RestFit, FirmTypo and FirmSound were set against school-negatives.tsv (texts that name
    // no school: 86 of 138 answered none before them, 137 after) without losing a phrasing of school-positives.tsv;
    // FirmTypo = 5 lets « dinan » be Diwan and « quels » Muel, 7 loses « melese » for Melesse.
    private const float Plausible = 0.85f;
    private const float ClearlyBest = 0.95f;
    private const float MinExplained = 0.55f;
    private const float OneExplained = 0.6f;
    private const float CommuneNamed = 0.7f;
    private const float MinNameTyped = 0.5f;
    private const float OneNameTyped = 0.75f;
    private const float RestFit = 0.5f;

    /// <summary>All of a name or of a head, with room for rounding: a head names its commune only typed whole, since the
    /// « saint » of Saint-Jean-sur-Vilaine weighs little but « jean » alone is a first name first.</summary>
    private const float Whole = 0.999f;

    /// <summary>The typed lengths from which one typo, or the same sound, is firm evidence (see Match).</summary>
    private const int FirmTypo = 6;
    private const int FirmSound = 7;

    /// <summary>A word found nowhere weighs this share of the rarest term's weight: a name the index does not know
    /// must lower every school's score, but a stray word of chatter must not sink the right one.</summary>
    private const float UnknownWordShare = 0.7f;

    private const int MaxWords = 32;
    private const int MaxPrefixTerms = 24;
    private const float ExactSimilarity = 1f;
    private const float SoundSimilarity = 0.85f;
    private const float OneEditSimilarity = 0.8f;
    private const float TwoEditsSimilarity = 0.65f;

    private readonly SchoolEntry[] _schools;
    private readonly SchoolLevel[] _levels;
    private readonly SchoolSector?[] _sectors;
    private readonly int[] _communeOf;
    private readonly float[] _nameMass;
    private readonly int[][] _nameTerms;
    private readonly Dictionary<int, int> _byUaiNumber = [];

    private readonly List<string> _communeNames = [];
    private readonly int[][] _communeSchools;
    private readonly float[] _communeMass;
    private readonly int[][] _communeTerms;
    private readonly int[][] _communeHeads;
    private readonly float[] _communeHeadMass;
    private readonly Dictionary<string, int[]> _communesByPostalCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float> _postalCodeWeight = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly string[] _terms;
    private readonly float[] _idf;
    private readonly int[][] _termSchools;
    private readonly int[][] _termCommunes;
    private readonly string[] _sortedTerms;
    private readonly int[] _sortedTermIds;
    private readonly Dictionary<string, int[]> _termsBySound = new(StringComparer.Ordinal);
    private readonly DeletionIndex _fuzzy;
    private readonly float _unknownWordMass;
    private readonly ConcurrentBag<Scratch> _scratches = [];

    [GeneratedRegex(@"(?<![0-9a-z])([0-9](?:[ .]?[0-9]){6})(?:[ .]?([a-z]))?(?![0-9a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UaiPattern();

    private SchoolIndex(SchoolEntry[] schools)
    {
        _schools = schools;
        var n = schools.Length;
        _levels = new SchoolLevel[n];
        _sectors = new SchoolSector?[n];
        _communeOf = new int[n];
        _nameMass = new float[n];

        // Names and communes repeat (« Ecole primaire privée St Joseph » a hundred times nationally): folded once each.
        var nameCache = new Dictionary<string, (int[] Terms, SchoolLevel Level, SchoolSector? Sector)>(StringComparer.Ordinal);
        var communeCache = new Dictionary<string, int>(StringComparer.Ordinal);
        var communeByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var communeTerms = new List<int[]>();
        var communeHeads = new List<int[]>();
        var communeSchools = new List<List<int>>();
        var nameTerms = _nameTerms = new int[n][];
        var postalCodes = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var s = 0; s < n; s++)
        {
            var school = schools[s];
            if (int.TryParse(school.Uai.AsSpan(0, Math.Min(7, school.Uai.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                _byUaiNumber.TryAdd(number, s);
            }

            if (!nameCache.TryGetValue(school.Name, out var name))
            {
                var kind = new SchoolKind();
                var terms = new List<int>();
                foreach (var word in SchoolText.Words(school.Name))
                {
                    if (!kind.TryAdd(word) && !SchoolText.IsStopWord(word))
                    {
                        var term = TermId(SchoolText.Key(word));
                        if (!terms.Contains(term))
                        {
                            terms.Add(term);
                        }
                    }
                }

                name = ([.. terms], kind.Level, kind.Sector);
                nameCache[school.Name] = name;
            }

            nameTerms[s] = name.Terms;
            _levels[s] = name.Level;
            _sectors[s] = school.Sector ?? name.Sector;

            var commune = -1;
            if (!string.IsNullOrWhiteSpace(school.Commune) && !communeCache.TryGetValue(school.Commune, out commune))
            {
                // The head is what comes before the first preposition (« Montfort » of Montfort-sur-Meu, « Saint Aubin »
                // of Saint-Aubin-du-Cormier), the short name parents use.
                var terms = new List<int>();
                var head = new List<int>();
                var headEnded = false;
                var headNamesSomething = false;
                var tail = false;
                foreach (var word in SchoolText.Words(school.Commune))
                {
                    if (SchoolText.IsStopWord(word))
                    {
                        headEnded |= head.Count > 0 && SchoolText.IsPreposition(word);
                        continue;
                    }

                    var key = SchoolText.Key(word);
                    var term = TermId(key);
                    if (!terms.Contains(term))
                    {
                        terms.Add(term);
                    }

                    if (headEnded)
                    {
                        tail = true;
                    }
                    else
                    {
                        head.Add(term);
                        headNamesSomething |= key != "saint";
                    }
                }

                var communeKey = string.Join(' ', terms);
                if (terms.Count == 0)
                {
                    commune = -1;
                }
                else if (!communeByKey.TryGetValue(communeKey, out commune))
                {
                    commune = communeTerms.Count;
                    communeByKey[communeKey] = commune;
                    communeTerms.Add([.. terms]);
                    // « Saint » alone is no short name: Saint-M'Hervé is not « saint ».
                    communeHeads.Add(tail && headNamesSomething ? [.. head] : []);
                    communeSchools.Add([]);
                    _communeNames.Add(school.Commune.Trim());
                }

                communeCache[school.Commune] = commune;
            }

            _communeOf[s] = commune;
            if (commune >= 0)
            {
                communeSchools[commune].Add(s);
                if (school.PostalCode is { Length: 5 } postalCode && postalCode.All(char.IsAsciiDigit))
                {
                    if (!postalCodes.TryGetValue(postalCode, out var communes))
                    {
                        postalCodes[postalCode] = communes = [];
                    }

                    communes.Add(commune);
                }
            }
        }

        _terms = new string[_termIds.Count];
        foreach (var (text, id) in _termIds)
        {
            _terms[id] = text;
        }

        _communeSchools = [.. communeSchools.Select(c => c.ToArray())];

        // Document frequency over schools, a term counted once per school whether in its name or its commune.
        var termCount = _terms.Length;
        var frequency = new int[termCount];
        var nameCount = new int[termCount];
        var seen = new int[termCount];
        Array.Fill(seen, -1);
        for (var s = 0; s < n; s++)
        {
            foreach (var term in nameTerms[s])
            {
                nameCount[term]++;
                seen[term] = s;
                frequency[term]++;
            }

            if (_communeOf[s] >= 0)
            {
                foreach (var term in communeTerms[_communeOf[s]])
                {
                    if (seen[term] != s)
                    {
                        seen[term] = s;
                        frequency[term]++;
                    }
                }
            }
        }

        _idf = new float[termCount];
        for (var t = 0; t < termCount; t++)
        {
            _idf[t] = Idf(n, Math.Max(1, frequency[t]));
        }

        _unknownWordMass = UnknownWordShare * Idf(n, 1);

        _termSchools = new int[termCount][];
        for (var t = 0; t < termCount; t++)
        {
            _termSchools[t] = nameCount[t] == 0 ? [] : new int[nameCount[t]];
        }

        Array.Clear(nameCount);
        for (var s = 0; s < n; s++)
        {
            var mass = 0f;
            foreach (var term in nameTerms[s])
            {
                _termSchools[term][nameCount[term]++] = s;
                mass += _idf[term];
            }

            _nameMass[s] = mass;
        }

        var communeCount = new int[termCount];
        foreach (var terms in communeTerms)
        {
            foreach (var term in terms)
            {
                communeCount[term]++;
            }
        }

        _termCommunes = new int[termCount][];
        for (var t = 0; t < termCount; t++)
        {
            _termCommunes[t] = communeCount[t] == 0 ? [] : new int[communeCount[t]];
        }

        Array.Clear(communeCount);
        _communeMass = new float[communeTerms.Count];
        _communeHeadMass = new float[communeTerms.Count];
        _communeHeads = [.. communeHeads];
        _communeTerms = [.. communeTerms];
        for (var c = 0; c < communeTerms.Count; c++)
        {
            foreach (var term in communeTerms[c])
            {
                _termCommunes[term][communeCount[term]++] = c;
                _communeMass[c] += _idf[term];
            }

            foreach (var term in _communeHeads[c])
            {
                _communeHeadMass[c] += _idf[term];
            }
        }

        foreach (var (postalCode, communes) in postalCodes)
        {
            var ids = communes.Order().ToArray();
            _communesByPostalCode[postalCode] = ids;
            _postalCodeWeight[postalCode] = Idf(n, ids.Sum(c => _communeSchools[c].Length));
        }

        _sortedTerms = (string[])_terms.Clone();
        _sortedTermIds = [.. Enumerable.Range(0, termCount)];
        Array.Sort(_sortedTerms, _sortedTermIds, StringComparer.Ordinal);

        var bySound = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < termCount; t++)
        {
            if (_terms[t].Length >= 3 && !char.IsAsciiDigit(_terms[t][0]))
            {
                var sound = SchoolText.Phonetic(_terms[t]);
                if (!bySound.TryGetValue(sound, out var list))
                {
                    bySound[sound] = list = [];
                }

                list.Add(t);
            }
        }

        foreach (var (sound, list) in bySound)
        {
            _termsBySound[sound] = [.. list];
        }

        _fuzzy = new DeletionIndex(_terms);
    }

    public static SchoolIndex Build(IEnumerable<SchoolEntry> schools)
    {
        var unique = new List<SchoolEntry>();
        var uais = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var school in schools)
        {
            if (uais.Add(school.Uai))
            {
                unique.Add(school);
            }
        }

        return new SchoolIndex([.. unique]);
    }

    public int Count => _schools.Length;

    public int TermCount => _terms.Length;

    public int CommuneCount => _communeNames.Count;

    public IReadOnlyList<SchoolEntry> Schools => _schools;

    /// <summary>The search again with the parent's answer to the bot's question added: « st joseph » then « corps nuds ».</summary>
    public SchoolSearchResult Find(string previous, string answer) => Find(previous + " " + answer);

    public SchoolSearchResult Find(string text)
    {
        var remaining = text;
        foreach (Match match in UaiPattern().Matches(text))
        {
            var digits = string.Concat(match.Groups[1].Value.Where(char.IsAsciiDigit));
            if (_byUaiNumber.TryGetValue(int.Parse(digits, CultureInfo.InvariantCulture), out var school))
            {
                return new SchoolSearchResult(SchoolDecision.One, [new SchoolCandidate(_schools[school], 1)], SchoolNeed.Nothing);
            }

            remaining = remaining.Replace(match.Value, " ", StringComparison.Ordinal);
        }

        var query = Parse(remaining);
        if ((query.Words.Count == 0 && query.PostalCodes.Count == 0) || query.OtherEstablishment)
        {
            return SchoolSearchResult.NothingFound;
        }

        var scratch = Rent();
        try
        {
            Score(query, scratch);
            return Decide(query, scratch);
        }
        finally
        {
            _scratches.Add(scratch);
        }
    }

    /// <summary>The commune <paramref name="text"/> names (« corps nuds », « St-Malo », « 35150 ») and its schools, or null.</summary>
    public CommuneSchools? FindCommune(string text)
    {
        var query = Parse(text);
        var scratch = Rent();
        List<int> best;
        try
        {
            Score(query, scratch);
            best = [.. scratch.Communes];
        }
        finally
        {
            _scratches.Add(scratch);
        }

        if (best.Count == 0)
        {
            return null;
        }

        var commune = best.MaxBy(c => _communeSchools[c].Length);
        return new CommuneSchools(_communeNames[commune], [.. _communeSchools[commune].Select(s => _schools[s]).OrderBy(s => s.Name, StringComparer.Ordinal)]);
    }

    private static float Idf(int schools, int frequency) => MathF.Log(1f + (float)schools / frequency);

    private int TermId(string key)
    {
        if (!_termIds.TryGetValue(key, out var id))
        {
            id = _termIds.Count;
            _termIds[key] = id;
        }

        return id;
    }

    private Scratch Rent() => _scratches.TryTake(out var scratch) ? scratch : new Scratch(_schools.Length, _communeNames.Count);
}
