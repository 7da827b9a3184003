using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.TestDoubles;

/// <summary>
/// TEST DOUBLE of <see cref="IEntityRecognizer"/> (the real one is built by the language feature on another branch):
/// the handful of forms the test conversations use.
/// </summary>
internal sealed partial class SimpleEntityRecognizerTestDouble : IEntityRecognizer
{
    private static readonly string[] Months =
        ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

    public DateRecognition RecognizeBirthDate(string text, DateOnly today)
    {
        var lower = text.ToLowerInvariant().Replace("é", "e").Replace("û", "u");
        int day, month, year;
        if (NumericDate().Match(lower) is { Success: true } numeric)
        {
            (day, month, year) = (int.Parse(numeric.Groups[1].Value), int.Parse(numeric.Groups[2].Value), int.Parse(numeric.Groups[3].Value));
        }
        else if (WrittenDate().Match(lower) is { Success: true } written && Array.IndexOf(Months, written.Groups[2].Value) is var m and >= 0)
        {
            day = written.Groups[1].Value == "1er" ? 1 : int.Parse(written.Groups[1].Value);
            (month, year) = (m + 1, int.Parse(written.Groups[3].Value));
        }
        else
        {
            return new DateRecognition(null, DateProblem.NotFound);
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new DateRecognition(null, DateProblem.Impossible);
        }

        var date = new DateOnly(year, month, day);
        return date > today ? new DateRecognition(null, DateProblem.Future) : new DateRecognition(date, DateProblem.None);
    }

    public string? RecognizePhone(string text)
    {
        var digits = new string([.. text.Where(char.IsDigit)]);
        return digits.Length == 10 && digits[0] == '0' ? "+33" + digits[1..] : null;
    }

    public string? RecognizeEmail(string text) => Email().Match(text) is { Success: true } m ? m.Value.ToLower(CultureInfo.InvariantCulture) : null;

    public bool? RecognizeYesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "oui" or "ouais" or "d'accord" or "ok" or "oui merci" => true,
        "non" or "non merci" or "pas du tout" => false,
        _ => null,
    };

    [GeneratedRegex(@"(\d{1,2})/(\d{1,2})/(\d{4})")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(1er|\d{1,2})\s+([a-z]+)\s+(\d{4})")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();
}
