using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Bot.Language;

/// <summary>
/// Rewrites French numbers written in words as digits: "seize juin deux mille treize" → "16 juin 2013",
/// "trente et un" → "31", "quatre vingt dix neuf" → "99". Input is folded (lower case, no accents, hyphens as spaces).
/// Only well-formed numbers are joined: "seize sept" stays two numbers, as a parent means day and month.
/// </summary>
internal static partial class FrenchNumbers
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["un"] = 1, ["une"] = 1, ["premier"] = 1, ["premiere"] = 1, ["deux"] = 2, ["trois"] = 3,
        ["quatre"] = 4, ["cinq"] = 5, ["six"] = 6, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10,
        ["onze"] = 11, ["douze"] = 12, ["treize"] = 13, ["quatorze"] = 14, ["quinze"] = 15, ["seize"] = 16,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["vingt"] = 20, ["vingts"] = 20, ["trente"] = 30, ["quarante"] = 40, ["cinquante"] = 50, ["soixante"] = 60,
    };

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex Word();

    public static string ToDigits(string folded)
    {
        var words = Word().Matches(folded).ToList();
        var builder = new StringBuilder(folded.Length);
        var position = 0;
        for (var i = 0; i < words.Count;)
        {
            // A run is only words separated by blanks: "16 juin deux mille" keeps "juin" between the two numbers.
            var end = i;
            while (end + 1 < words.Count && string.IsNullOrWhiteSpace(folded[(words[end].Index + words[end].Length)..words[end + 1].Index]))
            {
                end++;
            }

            var tokens = words[i..(end + 1)].Select(w => w.Value).ToArray();
            var t = 0;
            while (t < tokens.Length)
            {
                var start = t;
                if (TryParse(tokens, ref t, out var value))
                {
                    var first = words[i + start];
                    var last = words[i + t - 1];
                    builder.Append(folded, position, first.Index - position).Append(value);
                    position = last.Index + last.Length;
                }
                else
                {
                    t++;
                }
            }

            i = end + 1;
        }

        return builder.Append(folded, position, folded.Length - position).ToString();
    }

    private static bool TryParse(string[] tokens, ref int t, out int value)
    {
        var start = t;
        value = 0;
        var hasThousands = false;
        if (TryBelowThousand(tokens, ref t, out var head) && t < tokens.Length && tokens[t] is "mille" or "mil")
        {
            value = head * 1000;
            hasThousands = true;
            t++;
        }
        else if (t < tokens.Length && tokens[t] is "mille" or "mil" && t == start)
        {
            value = 1000;
            hasThousands = true;
            t++;
        }
        else
        {
            t = start;
        }

        var tailStart = t;
        if (TryBelowThousand(tokens, ref t, out var tail))
        {
            value += tail;
        }
        else
        {
            t = tailStart;
        }

        return hasThousands || t > start;
    }

    private static bool TryBelowThousand(string[] tokens, ref int t, out int value)
    {
        var start = t;
        value = 0;
        if (t < tokens.Length && tokens[t] is "cent" or "cents")
        {
            value = 100;
            t++;
        }
        else if (t + 1 < tokens.Length && Units.TryGetValue(tokens[t], out var multiplier) && multiplier is >= 2 and <= 9
                 && tokens[t + 1] is "cent" or "cents")
        {
            value = multiplier * 100;
            t += 2;
        }

        var tailStart = t;
        if (TryBelowHundred(tokens, ref t, out var tail))
        {
            value += tail;
        }
        else
        {
            t = tailStart;
        }

        return t > start;
    }

    private static bool TryBelowHundred(string[] tokens, ref int t, out int value)
    {
        value = 0;
        if (t >= tokens.Length)
        {
            return false;
        }

        int tens;
        if (tokens[t] == "quatre" && t + 1 < tokens.Length && tokens[t + 1] is "vingt" or "vingts")
        {
            tens = 80;
            t += 2;
        }
        else if (Tens.TryGetValue(tokens[t], out tens))
        {
            t++;
        }
        else if (tokens[t] == "dix" && t + 1 < tokens.Length && tokens[t + 1] is "sept" or "huit" or "neuf")
        {
            value = 10 + Units[tokens[t + 1]];
            t += 2;
            return true;
        }
        else if (Units.TryGetValue(tokens[t], out value))
        {
            t++;
            return true;
        }
        else
        {
            return false;
        }

        value = tens;
        // Soixante and quatre-vingt take 10-19 after them (soixante-douze = 72); the other tens take 1-9.
        var takesTeens = tens is 60 or 80;
        var next = t;
        if (next < tokens.Length && tokens[next] == "et")
        {
            next++;
        }

        if (next >= tokens.Length)
        {
            return true;
        }

        if (takesTeens && tokens[next] == "dix" && next + 1 < tokens.Length && tokens[next + 1] is "sept" or "huit" or "neuf")
        {
            value += 10 + Units[tokens[next + 1]];
            t = next + 2;
        }
        else if (Units.TryGetValue(tokens[next], out var unit) && tokens[next] is not ("premier" or "premiere" or "zero")
                 && (takesTeens ? unit is >= 1 and <= 16 : unit is >= 1 and <= 9))
        {
            value += unit;
            t = next + 1;
        }

        return true;
    }
}
