using System.Globalization;

namespace SupportBot.Migration.Input;

/// <summary>
/// IDs that are decimal numbers kept as <see langword="long"/> instead of strings, and compared in the order of their
/// strings: the order identifiers, reports and tie-breaks follow must not depend on how an ID is stored.
/// </summary>
internal static class DecimalText
{
    /// <summary>18 digits: 10^18 - 1 still fits a long once scaled.</summary>
    public const int MaxDigits = 18;

    private static readonly long[] Pow10 = Powers();

    /// <summary>Only a text that prints back as itself: digits, no sign, no leading zero (but "0"), at most <paramref name="maxDigits"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long value, int maxDigits = MaxDigits)
    {
        value = 0;
        if (text.IsEmpty || text.Length > maxDigits || (text[0] == '0' && text.Length > 1))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        value = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// The order of the two numbers' decimal strings ("1" &lt; "10" &lt; "2"): scaled to the same number of digits, then
    /// the shorter first.
    /// </summary>
    public static int Compare(long a, long b)
    {
        if (a == b)
        {
            return 0;
        }

        var digitsA = Digits(a);
        var digitsB = Digits(b);
        var byScaled = (a * Pow10[MaxDigits - digitsA]).CompareTo(b * Pow10[MaxDigits - digitsB]);
        return byScaled != 0 ? byScaled : digitsA.CompareTo(digitsB);
    }

    private static long[] Powers()
    {
        var powers = new long[MaxDigits + 1];
        powers[0] = 1;
        for (var n = 1; n <= MaxDigits; n++)
        {
            powers[n] = powers[n - 1] * 10;
        }

        return powers;
    }

    private static int Digits(long value)
    {
        var digits = 1;
        while (digits < MaxDigits && value >= Pow10[digits])
        {
            digits++;
        }

        return digits;
    }
}
