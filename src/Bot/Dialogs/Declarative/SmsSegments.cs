namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// How many SMS a text costs: GSM-7 (160 characters, 153 per part; the extension table counts double), or UCS-2 as
/// soon as one character is outside GSM-7 (70, then 67 per part). https://en.wikipedia.org/wiki/GSM_03.38
/// </summary>
internal static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static (int Segments, bool Gsm7, int Units) Count(string text)
    {
        var units = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c))
            {
                units += 1;
            }
            else if (Extension.Contains(c))
            {
                units += 2;
            }
            else
            {
                var length = text.Length;
                return (length <= 70 ? 1 : (length + 66) / 67, false, length);
            }
        }

        return (units <= 160 ? 1 : (units + 152) / 153, true, units);
    }

    /// <summary>The first character forcing UCS-2, to say what to replace.</summary>
    public static char? FirstNonGsm(string text) =>
        text.FirstOrDefault(c => !Basic.Contains(c) && !Extension.Contains(c)) is var c and not '\0' ? c : null;
}
