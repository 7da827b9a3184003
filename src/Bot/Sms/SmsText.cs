namespace SupportBot.Bot.Sms;

internal enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>How a text travels as SMS: its encoding, its length in that encoding, and the number of segments.</summary>
internal sealed record SmsMeasure(SmsEncoding Encoding, int Units, int Segments, IReadOnlyList<char> NonGsmCharacters);

/// <summary>
/// GSM 03.38 accounting: 160 septets in one SMS, 153 per part once split; one character outside GSM-7 makes the
/// whole text UCS-2: 70 UTF-16 units, then 67 per part. Extension characters (€, [, ]...) count twice.
/// </summary>
internal static class SmsText
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static SmsMeasure Measure(string text)
    {
        var septets = 0;
        var outside = new List<char>();
        foreach (var c in text)
        {
            if (BasicSet.Contains(c))
            {
                septets++;
            }
            else if (ExtensionSet.Contains(c))
            {
                septets += 2;
            }
            else if (!outside.Contains(c))
            {
                outside.Add(c);
            }
        }

        if (outside.Count == 0)
        {
            return new SmsMeasure(SmsEncoding.Gsm7, septets, Segments(septets, 160, 153), []);
        }

        return new SmsMeasure(SmsEncoding.Ucs2, text.Length, Segments(text.Length, 70, 67), outside);
    }

    /// <summary>
    /// Replaces characters that would force UCS-2 by a plain equivalent that reads as well in French (ç → c, ê → e,
    /// « » → ", ’ → ', no-break spaces → spaces); characters with no such equivalent are kept.
    /// </summary>
    public static string ToGsmFriendly(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                'â' => "a",
                'ç' => "c",
                'ê' or 'ë' => "e",
                'î' or 'ï' => "i",
                'ô' => "o",
                'û' => "u",
                'œ' => "oe",
                'Œ' => "OE",
                'À' or 'Â' => "A",
                'È' or 'Ê' or 'Ë' => "E",
                'Î' or 'Ï' => "I",
                'Ô' => "O",
                'Ù' or 'Û' => "U",
                '«' or '»' or '“' or '”' => "\"",
                '’' or '‘' => "'",
                '…' => "...",
                '\u00A0' or '\u202F' => " ",
                '–' or '—' => "-",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static int Segments(int units, int single, int part) =>
        units == 0 ? 1 : units <= single ? 1 : (units + part - 1) / part;
}
