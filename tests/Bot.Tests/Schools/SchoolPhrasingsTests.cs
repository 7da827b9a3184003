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
        foreach (var (group, right, count) in SchoolPhrasing.RatesByGroup(results))
        {
            var rate = (double)right / count;
            rates.Add($"{group}: {right}/{count} = {rate:P1}");
            if (rate < 0.95)
            {
                misses.Add($"{group} {rate:P1} < 95%");
            }
        }

        foreach (var rate in rates)
        {
            output.WriteLine(rate);
        }

        var wrong = results.Where(r => !r.Phrasing.IsMetBy(r.Result)).Select(r => r.Phrasing.Describe(r.Result)).ToList();
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
}
