using System.Globalization;
using System.Text;

namespace SupportBot.Bot.Sms;

internal enum SmsKeyword
{
    None,
    Stop,
    Start,
    Help,
}

/// <summary>The carrier keywords a French SMS service honours: STOP / ARRET / DESABONNER, START, AIDE.</summary>
internal static class SmsKeywords
{
    public static SmsKeyword Parse(string? body)
    {
        var word = Fold(body);
        return word switch
        {
            "STOP" or "ARRET" or "DESABONNER" or "STOPALL" or "UNSUBSCRIBE" => SmsKeyword.Stop,
            "START" or "UNSTOP" => SmsKeyword.Start,
            "AIDE" or "HELP" => SmsKeyword.Help,
            _ => SmsKeyword.None,
        };
    }

    private static string Fold(string? body)
    {
        var builder = new StringBuilder();
        foreach (var c in (body ?? "").Trim().Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && !char.IsPunctuation(c) && !char.IsWhiteSpace(c))
            {
                return "";
            }
        }

        return builder.ToString();
    }
}
