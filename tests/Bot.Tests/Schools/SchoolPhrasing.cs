using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Tests.Schools;

/// <summary>
/// One labelled line of a phrasings file (school-phrasings.tsv, and the held-out school-positives.tsv and
/// school-negatives.tsv): a parent's text and what the search should answer.
/// </summary>
internal sealed record SchoolPhrasing(string File, int Line, string Text, SchoolDecision Decision, IReadOnlyList<string> Uais, SchoolNeed Need)
{
    public const string Labelled = "school-phrasings.tsv";
    public const string HeldOutPositives = "school-positives.tsv";
    public const string HeldOutNegatives = "school-negatives.tsv";

    public static IReadOnlyList<SchoolPhrasing> Load(string file = Labelled)
    {
        var phrasings = new List<SchoolPhrasing>();
        var line = 0;
        foreach (var text in System.IO.File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Schools", file)))
        {
            line++;
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var fields = text.Split('\t');
            var label = fields[1].Split(':');
            var decision = label[0] switch
            {
                "one" => SchoolDecision.One,
                "choose" => SchoolDecision.Choose,
                "none" => SchoolDecision.None,
                _ => throw new FormatException($"{file}:{line}: unknown decision « {fields[1]} »"),
            };
            var need = decision != SchoolDecision.None ? SchoolNeed.Nothing : label.Length == 1 ? SchoolNeed.NothingFound : label[1] switch
            {
                "commune" => SchoolNeed.Commune,
                "name" => SchoolNeed.Name,
                _ => throw new FormatException($"{file}:{line}: unknown need « {label[1]} »"),
            };
            var uais = fields.Length > 2 && fields[2].Length > 0 ? fields[2].Split(',') : [];
            phrasings.Add(new SchoolPhrasing(file, line, fields[0], decision, uais, need));
        }

        return phrasings;
    }

    /// <summary>Whether <paramref name="result"/> is what the bot should do: the school confirmed, every plausible one offered, or the right question.</summary>
    public bool IsMetBy(SchoolSearchResult result) => Decision switch
    {
        SchoolDecision.One => result.Decision == SchoolDecision.One && result.Candidates[0].School.Uai == Uais[0],
        SchoolDecision.Choose => result.Decision == SchoolDecision.Choose && Uais.All(u => result.Candidates.Any(c => c.School.Uai == u)),
        _ => result.Decision == SchoolDecision.None && result.Need == Need,
    };

    public string Describe(SchoolSearchResult result) =>
        $"{File}:{Line}: « {Text} » expected {Decision} {string.Join(",", Uais)}"
        + (Decision == SchoolDecision.None ? $" ({Need})" : "")
        + $", got {result.Decision} ({result.Need}{(result.Commune is null ? "" : " " + result.Commune)}) "
        + string.Join(", ", result.Candidates.Select(c => $"{c.School.Uai} {c.School.Name} ({c.School.Commune}) {c.Score:0.000}"));

    /// <summary>How many phrasings of each expected decision the search met, as SchoolPhrasingsTests reports them.</summary>
    public static IEnumerable<(string Group, int Right, int Count)> RatesByGroup(IEnumerable<(SchoolPhrasing Phrasing, SchoolSearchResult Result)> results) =>
        results.GroupBy(r => r.Phrasing.Decision).Select(group => (
            group.Key switch
            {
                SchoolDecision.One => "top-1 accuracy (single matches)",
                SchoolDecision.Choose => "recall in the offered choice (ambiguous)",
                _ => "right question (nothing to offer)",
            },
            group.Count(r => r.Phrasing.IsMetBy(r.Result)),
            group.Count()));
}
