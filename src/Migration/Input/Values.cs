using System.Globalization;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.Migration.Input;

/// <summary>Field parsing shared by the readers: SIECLE dates, booleans, phones and addresses.</summary>
internal static class Values
{
    public static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool IsTrue(string? value) => value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>E.164; the common French shapes are read directly, libphonenumber only for the rest (it costs ~10 µs a number).</summary>
    public static string? Mobile(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        Span<char> digits = stackalloc char[16];
        var count = 0;
        var plus = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsAsciiDigit(c) && count < digits.Length)
            {
                digits[count++] = c;
            }
            else if (c == '+' && count == 0)
            {
                plus = true;
            }
            else if (c is not (' ' or '.' or '-'))
            {
                count = -1;
                break;
            }
        }

        if (!plus && count == 10 && digits[0] == '0' && digits[1] is '6' or '7')
        {
            return string.Concat("+33", digits[1..10]);
        }

        if (plus && count == 11 && digits[0] == '3' && digits[1] == '3' && digits[2] is '6' or '7')
        {
            return string.Concat("+", digits[..11]);
        }

        return MobilePhones.TryNormalize(value, out var e164) ? e164 : null;
    }

    public static string? Email(string? value) => EmailAddresses.TryNormalize(value, out var address) ? address : null;
}
