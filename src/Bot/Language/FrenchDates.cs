using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Bot.Language;

/// <summary>
/// Reads a birth date out of French text: "16/06/2013", "16-6-13", "16 06 2013", "le 1er mars 2015",
/// "née le seize juin deux mille treize", "16 fev. 2013". Day before month, as in France.
/// </summary>
internal static partial class FrenchDates
{
    private const string Month =
        @"(?<month>janvier|janv|jan|fevrier|fevr|fev|mars|mar|avril|avr|mai|juin|juillet|juil|aout|septembre|sept|sep|octobre|oct|novembre|nov|decembre|dec)";

    [GeneratedRegex(@"(?<![\d])(?<day>\d{1,2})\s+" + Month + @"\.?(?:\s+|\.|,\s*)(?<year>\d{4}|\d{2})(?!\d)")]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex(@"(?<![\d])(?<day>\d{1,2})\s*(?<sep>[/.\- ])\s*(?<month>\d{1,2})\s*\k<sep>\s*(?<year>\d{4}|\d{2})(?!\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\d])(?<year>(?:19|20)\d{2})(?<sep>[/.\-])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d])(?<day>[0-3]\d)(?<month>[01]\d)(?<year>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex Compact();

    [GeneratedRegex(@"\b" + Month + @"\.?\s+(?:\d{4}|\d{2})(?!\d)|(?<![\d])\d{1,2}\s+" + Month + @"\b|(?<![\d/.\-])\d{1,2}[/.\-](?:\d{4}|\d{1,2})(?![\d/.\-])|\b(?:19|20)\d{2}\b")]
    private static partial Regex Partial();

    // "sept" is both 7 and the abbreviation of septembre: before a year, and not after dix/vingt..., it is the month.
    [GeneratedRegex(@"(?<!\b(?:dix|vingt|trente|et)\s+)\bsept\.?(?=\s+(?:\d{2,4}(?!\d)|deux mille|mille|mil)\b)")]
    private static partial Regex SeptAsMonth();

    [GeneratedRegex(@"(?<=\d)\s*(?:er|ere|ier)\b")]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex(@"(?<=[a-z])-(?=[a-z])")]
    private static partial Regex WordHyphen();

    public static DateRecognition Recognize(string text, DateOnly today)
    {
        var folded = Prepare(text);
        var candidates = new[] { DayMonthNameYear(), Numeric(), Iso(), Compact() }
            .Select(r => r.Match(folded))
            .Where(m => m.Success)
            .OrderBy(m => m.Index)
            .ToList();
        if (candidates.Count > 0)
        {
            return Validate(candidates[0], today);
        }

        return Partial().IsMatch(folded)
            ? new DateRecognition(null, DateProblem.Incomplete)
            : new DateRecognition(null, DateProblem.NotFound);
    }

    private static string Prepare(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is '’' or '\'' ? ' ' : c);
            }
        }

        var folded = WordHyphen().Replace(builder.ToString(), " ");
        folded = OrdinalSuffix().Replace(folded, "");
        folded = SeptAsMonth().Replace(folded, "septembre");
        return FrenchNumbers.ToDigits(folded);
    }

    private static DateRecognition Validate(Match match, DateOnly today)
    {
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var monthText = match.Groups["month"].Value;
        var month = char.IsDigit(monthText[0]) ? int.Parse(monthText, CultureInfo.InvariantCulture) : MonthNumber(monthText);
        var yearText = match.Groups["year"].Value;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
        {
            // A child's birth year: "13" is 2013, and "98" (after this year's two digits) is 1998.
            year += year <= today.Year % 100 ? 2000 : 1900;
        }

        if (month is < 1 or > 12 || day < 1 || year < 1900 || day > DateTime.DaysInMonth(year, month))
        {
            return new DateRecognition(null, DateProblem.Impossible);
        }

        var date = new DateOnly(year, month, day);
        return date > today
            ? new DateRecognition(null, DateProblem.Future)
            : new DateRecognition(date, DateProblem.None);
    }

    private static int MonthNumber(string name) => name[..3] switch
    {
        "jan" => 1,
        "fev" => 2,
        "mar" => 3,
        "avr" => 4,
        "mai" => 5,
        "jui" => name.StartsWith("juil", StringComparison.Ordinal) ? 7 : 6,
        "aou" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a month"),
    };
}
