using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Tests.Schools;

/// <summary>The search measured on the phrasings parents write (school-phrasings.tsv), as the bot would act on them.</summary>
public sealed class SchoolPhrasingsTests(ITestOutputHelper output)
{
    [Fact]
    public void LabelledPhrasings_AtLeast95PercentRightInEachGroup()
    {
        var phrasings = SchoolPhrasing.Load();

        var results = phrasings.Select(p => (Phrasing: p, Result: ReferenceSchools.Index.Find(p.Text))).ToList();

        var misses = new List<string>();
        var rates = new List<string>();
        foreach (var group in results.GroupBy(r => r.Phrasing.Decision))
        {
            var right = group.Count(r => r.Phrasing.IsMetBy(r.Result));
            var rate = (double)right / group.Count();
            var name = group.Key switch
            {
                SchoolDecision.One => "top-1 accuracy (single matches)",
                SchoolDecision.Choose => "recall in the offered choice (ambiguous)",
                _ => "right question (nothing to offer)",
            };
            rates.Add($"{name}: {right}/{group.Count()} = {rate:P1}");
            if (rate < 0.95)
            {
                misses.Add($"{name} {rate:P1} < 95%");
            }
        }

        foreach (var rate in rates)
        {
            output.WriteLine(rate);
        }

        var wrong = results.Where(r => !r.Phrasing.IsMetBy(r.Result)).Select(r => Describe(r.Phrasing, r.Result)).ToList();
        foreach (var line in wrong)
        {
            output.WriteLine(line);
        }

        Assert.True(phrasings.Count(p => p.Decision == SchoolDecision.One) >= 40 && phrasings.Count >= 60, "the labelled set is too small");
        Assert.True(misses.Count == 0, string.Join("; ", misses) + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void EveryAnswer_ShapedAsTheBotUsesIt()
    {
        var texts = SchoolPhrasing.Load().Select(p => p.Text)
            .Concat(ReferenceSchools.Index.Schools.Take(200).SelectMany(s => new[] { s.Name, s.Commune ?? "", $"{s.Name} {s.Commune}" }));

        var results = texts.Select(t => (Text: t, Result: ReferenceSchools.Index.Find(t))).ToList();

        Assert.All(results, r =>
        {
            var (decision, candidates, need) = (r.Result.Decision, r.Result.Candidates.Count, r.Result.Need);
            Assert.True(decision switch
            {
                SchoolDecision.One => candidates == 1 && need == SchoolNeed.Nothing,
                SchoolDecision.Choose => candidates is >= 1 and <= SchoolIndex.MaxChoices && need == SchoolNeed.Nothing,
                _ => candidates == 0 && need != SchoolNeed.Nothing && (need == SchoolNeed.Name) == (r.Result.Commune is not null),
            }, $"« {r.Text} »: {decision} with {candidates} candidate(s), need {need}");
            Assert.All(r.Result.Candidates, c => Assert.InRange(c.Score, 0, 1));
        });
    }

    private static string Describe(SchoolPhrasing phrasing, SchoolSearchResult result) =>
        $"school-phrasings.tsv:{phrasing.Line}: « {phrasing.Text} » expected {phrasing.Decision} {string.Join(",", phrasing.Uais)}"
        + (phrasing.Decision == SchoolDecision.None ? $" ({phrasing.Need})" : "")
        + $", got {result.Decision} ({result.Need}{(result.Commune is null ? "" : " " + result.Commune)}) "
        + string.Join(", ", result.Candidates.Select(c => $"{c.School.Uai} {c.School.Name} ({c.School.Commune}) {c.Score:0.000}"));
}
