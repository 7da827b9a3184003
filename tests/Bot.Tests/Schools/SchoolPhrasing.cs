using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Tests.Schools;

/// <summary>One labelled line of school-phrasings.tsv: a parent's text and what the search should answer.</summary>
internal sealed record SchoolPhrasing(int Line, string Text, SchoolDecision Decision, IReadOnlyList<string> Uais, SchoolNeed Need)
{
    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Schools", "school-phrasings.tsv");

    public static IReadOnlyList<SchoolPhrasing> Load()
    {
        var phrasings = new List<SchoolPhrasing>();
        var line = 0;
        foreach (var text in File.ReadLines(FilePath))
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
                _ => throw new FormatException($"school-phrasings.tsv:{line}: unknown decision « {fields[1]} »"),
            };
            var need = decision != SchoolDecision.None ? SchoolNeed.Nothing : label.Length == 1 ? SchoolNeed.NothingFound : label[1] switch
            {
                "commune" => SchoolNeed.Commune,
                "name" => SchoolNeed.Name,
                _ => throw new FormatException($"school-phrasings.tsv:{line}: unknown need « {label[1]} »"),
            };
            var uais = fields.Length > 2 && fields[2].Length > 0 ? fields[2].Split(',') : [];
            phrasings.Add(new SchoolPhrasing(line, fields[0], decision, uais, need));
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
}
