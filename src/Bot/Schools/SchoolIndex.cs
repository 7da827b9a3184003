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

    private Scratch Rent() => _scratches.TryTake(out var scratch) ? scratch : new Scratch(_schools.Length, _communeNames.Count);
}
