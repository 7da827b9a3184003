using SupportBot.AccountDirectory.Accounts;

namespace SupportBot.Migration.Rules;

/// <summary>Rule 1 (EduConnect's sibling rule): same normalised family name, first name, mobile and e-mail = same person.</summary>
internal static class Identity
{
    // IdentifierGenerator.Fold per character (it folds each character independently), precomputed for the Latin
    // range: the Unicode normalisation it relies on costs microseconds a name, and a migration folds millions of them.
    private static readonly string[] Folded = Enumerable.Range(0, 0x250).Select(c => IdentifierGenerator.Fold(((char)c).ToString())).ToArray();

    public static string NameKey(string familyName, string firstName) => Fold(familyName) + "|" + Fold(firstName);

    /// <summary>Null when the phone or the e-mail is missing: two persons without them are never merged.</summary>
    public static string? Key(string familyName, string firstName, string? mobile, string? email) =>
        mobile is null || email is null ? null : NameKey(familyName, firstName) + "|" + mobile + "|" + email;

    /// <summary><see cref="IdentifierGenerator.BaseFor"/>, with the fast fold (its own message when the name cannot make one).</summary>
    public static string BaseIdentifier(string firstName, string familyName)
    {
        var first = Fold(firstName);
        var family = Fold(familyName);
        return first.Length == 0 || !char.IsAsciiLetterLower(first[0]) || family.Length == 0
            ? IdentifierGenerator.BaseFor(firstName, familyName)
            : $"{first[0]}.{family}";
    }

    /// <summary><see cref="NameKey(string, string)"/> folded into <paramref name="buffer"/> when it fits, without a string.</summary>
    public static ReadOnlySpan<char> NameKey(string familyName, string firstName, Span<char> buffer)
    {
        if (TryFold(familyName, buffer, out var family) && family < buffer.Length
            && TryFold(firstName, buffer[(family + 1)..], out var first))
        {
            buffer[family] = '|';
            return buffer[..(family + 1 + first)];
        }

        return NameKey(familyName, firstName);
    }

    private static bool TryFold(string value, Span<char> buffer, out int length)
    {
        length = 0;
        foreach (var c in value)
        {
            if (c >= Folded.Length || length + 2 > buffer.Length)
            {
                return false;
            }

            var f = Folded[c];
            f.CopyTo(buffer[length..]);
            length += f.Length;
        }

        return true;
    }

    public static string Fold(string value)
    {
        Span<char> buffer = stackalloc char[Math.Min(value.Length * 2, 512)];
        var length = 0;
        foreach (var c in value)
        {
            if (c >= Folded.Length || length + 2 > buffer.Length)
            {
                return IdentifierGenerator.Fold(value);
            }

            var f = Folded[c];
            f.CopyTo(buffer[length..]);
            length += f.Length;
        }

        return new string(buffer[..length]);
    }
}
