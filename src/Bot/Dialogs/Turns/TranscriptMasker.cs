using System.Text.RegularExpressions;
using SupportBot.AccountDirectory.Privacy;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>Masks personal data found in free text (what the parent typed) before it reaches a log.</summary>
internal partial class TranscriptMasker
{
    /// <summary>
    /// <paramref name="text"/> with every one of <paramref name="personal"/> (what the parent gave this turn, whatever its
    /// shape: a name) replaced by « *** », then the values recognisable by their shape masked.
    /// </summary>
    public static string Mask(string? text, IEnumerable<string> personal)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        foreach (var value in personal.Select(v => v.Trim()).Where(v => v.Length > 1).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, "***", StringComparison.OrdinalIgnoreCase);
        }

        return Mask(text);
    }

    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        text = EmailPattern().Replace(text, m => AccountDirectory.Privacy.Mask.Email(m.Value));
        text = PhonePattern().Replace(text, m => AccountDirectory.Privacy.Mask.Phone(International(m.Value)));
        text = NumericDatePattern().Replace(text, "**/**/****");
        text = WrittenDatePattern().Replace(text, "** *** ****");
        text = IdentifierPattern().Replace(text, m => AccountDirectory.Privacy.Mask.Identifier(m.Value));
        return text;
    }

    /// <summary>06 12 34 56 78 → +33612345678, so that the mask keeps as few digits as for an international number.</summary>
    private static string International(string phone)
    {
        var digits = new string([.. phone.Where(c => char.IsDigit(c) || c == '+')]);
        return digits.StartsWith('0') ? "+33" + digits[1..] : digits;
    }

    [GeneratedRegex(@"[^\s@<>()""']+@[^\s@<>()""']+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<!\d)(\+\d{2}[\s.]?|0)\d([\s.-]?\d{2}){4}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"\b(1er|\d{1,2})\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)(\s+\d{4})?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDatePattern();

    // EduConnect identifiers are shaped p.nom or p.nom12; the masked e-mails above no longer match (they contain *).
    [GeneratedRegex(@"\b[a-z]\.[a-z][a-z-]*\d*\b", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifierPattern();
}
