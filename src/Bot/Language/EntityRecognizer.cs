using System.Text.RegularExpressions;
using PhoneNumbers;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.Bot.Language;

/// <summary>
/// Birth dates (<see cref="FrenchDates"/>), phones (libphonenumber, read as the directory stores them),
/// e-mails (the directory's <see cref="EmailAddresses"/> rules) and yes/no (<see cref="FrenchYesNo"/>).
/// </summary>
internal sealed partial class EntityRecognizer : IEntityRecognizer
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    [GeneratedRegex(@"\s*(?:\barobase\b|\(at\)|\[at\])\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SpokenAt();

    [GeneratedRegex(@"[^\s<>()\[\],;:""'«»]+@[^\s<>()\[\],;:""'«»]+")]
    private static partial Regex EmailCandidate();

    public DateRecognition RecognizeBirthDate(string text, DateOnly today)
    {
        // A phone number such as "06 12 34 56 78" reads like a date with spaces; take phones out first.
        var chars = text.ToCharArray();
        foreach (var match in FindPhones(text))
        {
            Array.Fill(chars, ' ', match.Start, match.Length);
        }

        return FrenchDates.Recognize(new string(chars), today);
    }

    public string? RecognizePhone(string text)
    {
        foreach (var match in FindPhones(text))
        {
            if (MobilePhones.TryNormalize(match.RawString, out var e164))
            {
                return e164;
            }
        }

        return null;
    }

    public string? RecognizeEmail(string text)
    {
        var spelled = SpokenAt().Replace(text, "@");
        foreach (Match candidate in EmailCandidate().Matches(spelled))
        {
            var value = candidate.Value.Trim('.', '!', '?', '-');
            if (EmailAddresses.TryNormalize(value, out var address))
            {
                return address;
            }
        }

        return null;
    }

    public bool? RecognizeYesNo(string text) => FrenchYesNo.Recognize(text);

    private static IEnumerable<PhoneNumberMatch> FindPhones(string text) =>
        Phones.FindNumbers(text, "FR", PhoneNumberUtil.Leniency.VALID, long.MaxValue);
}
