namespace SupportBot.EndToEnd.Tests.Mail;

/// <summary>The statistic the timing test relies on, against values worked out by hand (normal approximation, two-sided).</summary>
public sealed class MannWhitneyUTests
{
    [Fact]
    public void SeparatedSamples_AreVerySignificant()
    {
        var p = MannWhitneyU.TwoSidedP([.. Enumerable.Range(1, 10).Select(i => (double)i)], [.. Enumerable.Range(11, 10).Select(i => (double)i)]);

        // U = 0, mean 50, sigma = sqrt(100 * 21 / 12) = 13.229, z = 49.5 / 13.229 = 3.742: p = 0.000182672.
        Assert.InRange(p, 0.0001826, 0.0001828);
    }

    [Fact]
    public void InterleavedSamplesWithTies_AreNot()
    {
        var p = MannWhitneyU.TwoSidedP([1, 2, 2, 3, 5, 8], [1, 2, 3, 3, 5, 9]);

        // U = 16, mean 18; ties (1, 1), (2, 2, 2), (3, 3, 3), (5, 5): sigma = sqrt(36 / 12 * (13 - 60 / 132)) = 6.135,
        // z = (2 - 0.5) / 6.135 = 0.2445: p = 0.8068.
        Assert.InRange(p, 0.8067, 0.8070);
    }

    [Fact]
    public void Median_OfAnEvenCount_IsTheMiddlePair()
    {
        Assert.Equal(2.5, MannWhitneyU.Median([4, 1, 3, 2]));
    }
}
