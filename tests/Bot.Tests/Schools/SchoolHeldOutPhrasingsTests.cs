using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Tests.Schools;

/// <summary>
/// The search on phrasings kept apart from the labelled set: texts that name no school of the extract
/// (school-negatives.tsv), where a wrong « one » would send the parent's request to the wrong director, and schools drawn
/// at random (school-positives.tsv), so that precision is not bought with recall.
/// </summary>
public sealed class SchoolHeldOutPhrasingsTests(ITestOutputHelper output)
{
    [Fact]
    public void Negatives_AtLeast90PercentAnsweredNone()
    {
        var negatives = SchoolPhrasing.Load(SchoolPhrasing.HeldOutNegatives);

        var results = negatives.Select(p => (Phrasing: p, Result: ReferenceSchools.Index.Find(p.Text))).ToList();

        var offered = results.Where(r => r.Result.Decision != SchoolDecision.None).ToList();
        var rate = 1 - (double)offered.Count / results.Count;
        output.WriteLine($"answered none: {results.Count - offered.Count}/{results.Count} = {rate:P1}"
            + $" (one: {offered.Count(r => r.Result.Decision == SchoolDecision.One)}, choose: {offered.Count(r => r.Result.Decision == SchoolDecision.Choose)})");
        output.WriteLine($"and the question labelled: {results.Count(r => r.Phrasing.IsMetBy(r.Result))}/{results.Count}");
        foreach (var (phrasing, result) in results.Where(r => !r.Phrasing.IsMetBy(r.Result)))
        {
            output.WriteLine(phrasing.Describe(result));
        }

        Assert.True(negatives.Count >= 60, "the negative set is too small");
        Assert.True(rate >= 0.9, $"answered none {rate:P1} < 90%:" + Environment.NewLine
            + string.Join(Environment.NewLine, offered.Select(r => r.Phrasing.Describe(r.Result))));
    }

    [Fact]
    public void Positives_AtLeast95PercentRightInEachGroup()
    {
        var positives = SchoolPhrasing.Load(SchoolPhrasing.HeldOutPositives);

        var results = positives.Select(p => (Phrasing: p, Result: ReferenceSchools.Index.Find(p.Text))).ToList();

        var low = new List<string>();
        foreach (var (group, right, count) in SchoolPhrasing.RatesByGroup(results))
        {
            var rate = (double)right / count;
            output.WriteLine($"{group}: {right}/{count} = {rate:P1}");
            if (rate < 0.95)
            {
                low.Add($"{group} {rate:P1} < 95%");
            }
        }

        var wrong = results.Where(r => !r.Phrasing.IsMetBy(r.Result)).Select(r => r.Phrasing.Describe(r.Result)).ToList();
        foreach (var line in wrong)
        {
            output.WriteLine(line);
        }

        Assert.True(positives.Count >= 40, "the held-out positive set is too small");
        Assert.True(low.Count == 0, string.Join("; ", low) + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }
}
