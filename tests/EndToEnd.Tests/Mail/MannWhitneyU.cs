namespace SupportBot.EndToEnd.Tests.Mail;

/// <summary>
/// The Mann–Whitney U test (Wilcoxon rank-sum), two-sided, with the normal approximation, the tie correction and the
/// continuity correction, as scipy.stats.mannwhitneyu(method="asymptotic") computes it. It compares two samples of
/// response times without assuming their shape (latencies are skewed, with a long tail).
/// </summary>
internal static class MannWhitneyU
{
    public static double TwoSidedP(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n1 = x.Count;
        var n2 = y.Count;
        var n = n1 + n2;
        var all = x.Select(v => (Value: v, First: true)).Concat(y.Select(v => (Value: v, First: false))).OrderBy(p => p.Value).ToArray();
        double rankSumX = 0;
        double ties = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            var count = j - i + 1;
            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                rankSumX += all[k].First ? rank : 0;
            }

            ties += Math.Pow(count, 3) - count;
            i = j + 1;
        }

        var u = rankSumX - n1 * (n1 + 1) / 2.0;
        var mean = n1 * (double)n2 / 2;
        var sigma = Math.Sqrt(n1 * (double)n2 / 12 * (n + 1 - ties / (n * (n - 1.0))));
        if (sigma == 0)
        {
            return 1;
        }

        var z = Math.Max(0, Math.Abs(u - mean) - 0.5) / sigma;
        return Math.Min(1, Erfc(z / Math.Sqrt(2)));
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // Numerical Recipes' erfc (Chebyshev fit), fractional error below 1.2e-7 everywhere: ample for a p-value near 0.001.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
