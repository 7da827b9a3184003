using System.Globalization;
using System.Text;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>
/// The values an attacker (or a broken client) tries in a field, as text and as JSON: wrong types, sizes at and past
/// the limits, what breaks decoders (NUL, lone surrogates, invalid UTF-8, overlong forms), what breaks the layers behind
/// (SQL, HTML, paths, format strings, line breaks), and deep nesting.
/// </summary>
internal static class HostileValues
{
    private static readonly string[] Texts =
    [
        "", " ", "\t\r\n", "bonjour", "mot de passe oublié", "j'ai perdu mon identifiant", "menu", "STOP", "oui", "1", "0", "-1",
        "99999999999999999999", "1e999", "NaN", "null", "true", "[]", "{}", "\0", "a\0b", "\u0001\u0002\u001f\u007f",
        "\u200b\u200e\u202e\ufeff", "\ufffd\uffff", "😀👨‍👩‍👧‍👦", "é\u0301", "ﬁ", "İı", "Ǆ", "'; DROP TABLE Accounts;--", "' OR '1'='1",
        "\" OR \"\"=\"", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "../../../../etc/passwd",
        "..\\..\\windows\\win.ini", "%00", "%ff%fe", "%", "%%", "%zz", "{0}", "{{reference}}", "${jndi:ldap://x}", "%s%s%s%n",
        "Référence : SB-FAKE99\r\nObjet : faux", "SB-7KQ4M2", "sb-7kq4m2", "0352207J", "0352207 j", "v.durant1", "valery.durant@example.fr",
        "+33612345678", "0612345678", "21/09/2018", "31/02/2018", "Toutatice2026", "a@b", "@", "dl_0123456789abcdef01234567",
        "https://evil.example/", "http://127.0.0.1:1/", "file:///etc/passwd", "\\\\server\\share", "*", "?", "#", "&", "=", "+", ";",
    ];

    public static string Text(Random random) => random.Next(10) switch
    {
        0 => new string((char)random.Next(0x20, 0x7f), Lengths[random.Next(Lengths.Length)]),
        1 => RandomUnicode(random, random.Next(1, 64)),
        2 => Texts[random.Next(Texts.Length)] + Texts[random.Next(Texts.Length)],
        _ => Texts[random.Next(Texts.Length)],
    };

    /// <summary>Lengths around the limits: Direct Line's 2,000 characters of text, Twilio's 1,600, the database's 32/64/200 columns.</summary>
    public static readonly int[] Lengths = [31, 32, 33, 63, 64, 65, 161, 199, 200, 201, 1600, 1601, 2000, 2001, 5000, 40_000];

    /// <summary>Any UTF-16, surrogates alone included: what a client with a bug, or an attacker, puts in a string.</summary>
    public static string RandomUnicode(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(6) switch
            {
                0 => (char)random.Next(0, 0x20),
                1 => (char)random.Next(0xd800, 0xe000),
                2 => (char)random.Next(0x80, 0x800),
                3 => (char)random.Next(0xe000, 0x10000),
                _ => (char)random.Next(0x20, 0x7f),
            };
        }

        return new string(chars);
    }

    /// <summary>What HttpClient sends in a header: printable ASCII (other bytes in headers are the raw transport's).</summary>
    public static string HeaderSafe(string value) => new([.. value.Select(c => c is >= ' ' and <= '~' ? c : '?')]);

    /// <summary>A JSON string literal holding <paramref name="value"/>, every non-ASCII character escaped (so a lone surrogate becomes \udXXX).</summary>
    public static string JsonString(string value)
    {
        var json = new StringBuilder("\"");
        foreach (var c in value)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    /// <summary>A JSON value of any type, as text: scalars, strings hostile or long, small objects and arrays, deep nesting.</summary>
    public static string Json(Random random, int depth = 0) => random.Next(depth > 2 ? 9 : 13) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => new[] { "0", "-0", "1", "-1", "3.14", "1e308", "-1e308", "1e999", "123456789012345678901234567890", "0.0000000000000000000001" }[random.Next(10)],
        3 or 4 or 5 => JsonString(Text(random)),
        6 => "\"" + "\\ud800" + "\"",
        7 => "\"" + "\\udc00x\\ud83d" + "\"",
        8 => "\"" + new string('x', Lengths[random.Next(Lengths.Length)]) + "\"",
        9 => Nested(random.Next(2, 120), random.Next(2) == 0),
        10 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Json(random, depth + 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"{JsonString(Field(random))}:{Json(random, depth + 1)}")) + "}",
    };

    /// <summary><paramref name="depth"/> arrays or objects, one inside the other.</summary>
    public static string Nested(int depth, bool objects) => objects
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + new string(']', depth);

    public static string Field(Random random) => new[]
    {
        "id", "type", "text", "name", "value", "role", "contentType", "title", "locale", "", "__proto__", "constructor", "$type", "a.b", "\u0000",
    }[random.Next(15)];

    /// <summary>Bytes that are not UTF-8: a lone continuation byte, an overlong slash, a surrogate encoded in UTF-8, 0xFF.</summary>
    public static byte[] InvalidUtf8(Random random) => random.Next(5) switch
    {
        0 => [0x80],
        1 => [0xc0, 0xaf],
        2 => [0xed, 0xa0, 0x80],
        3 => [0xff, 0xfe],
        _ => [0xf4, 0x90, 0x80, 0x80],
    };

    /// <summary>Form-encoding of a value, sometimes broken on purpose (%00, %zz, a lone %, invalid UTF-8 as %XX).</summary>
    public static string FormValue(Random random, string value) => random.Next(8) switch
    {
        0 => "%00" + Uri.EscapeDataString(value),
        1 => Uri.EscapeDataString(value) + "%zz%",
        2 => "%ED%A0%80" + Uri.EscapeDataString(value),
        3 => "%C0%AF%FF",
        _ => Uri.EscapeDataString(EscapableOnly(value)),
    };

    /// <summary>What <see cref="Uri.EscapeDataString"/> takes: lone surrogates replaced (they are sent percent-encoded as invalid UTF-8 elsewhere).</summary>
    public static string EscapableOnly(string value)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var paired = char.IsHighSurrogate(chars[i]) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
                : !char.IsLowSurrogate(chars[i]) || (i > 0 && char.IsHighSurrogate(chars[i - 1]));
            if (!paired)
            {
                chars[i] = '\ufffd';
            }
        }

        return new string(chars);
    }
}
