using System.Text;

namespace SupportBot.Migration.Input;

/// <summary>
/// ISO-8859-15 (Latin-9), the SIECLE exports' encoding, for reading only: decoded as Latin-1 (one byte, one char,
/// which .NET widens with vector instructions) and then the eight code points where Latin-9 differs from Latin-1 put
/// back. The code-pages provider's decoder looks every byte up in a table: it was about 5 % of the reading's processor
/// time at 100,000 accounts (bench/migration.md). Names, encoding and everything else are those of the code-pages
/// encoding; <see cref="XmlInput"/> hands this one to XmlReader only for a file that declares ISO-8859-15.
/// </summary>
internal sealed class Latin9Decoding : Encoding
{
    public const int CodePageNumber = 28605;

    private readonly Encoding _codePages;

    private Latin9Decoding(Encoding codePages)
        : base(CodePageNumber) => _codePages = codePages;

    /// <summary>Null when the code-pages provider is not registered (Program registers it).</summary>
    public static Latin9Decoding? Create() =>
        CodePagesEncodingProvider.Instance.GetEncoding(CodePageNumber) is { } codePages ? new Latin9Decoding(codePages) : null;

    public override string WebName => _codePages.WebName;

    public override string EncodingName => _codePages.EncodingName;

    public override string HeaderName => _codePages.HeaderName;

    public override string BodyName => _codePages.BodyName;

    public override bool IsSingleByte => true;

    public override int GetMaxCharCount(int byteCount) => byteCount;

    public override int GetCharCount(byte[] bytes, int index, int count) => count;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        Decode(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex));

    public override Decoder GetDecoder() => new Latin9Decoder();

    public override int GetMaxByteCount(int charCount) => _codePages.GetMaxByteCount(charCount);

    public override int GetByteCount(char[] chars, int index, int count) => _codePages.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        _codePages.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override Encoder GetEncoder() => _codePages.GetEncoder();

    /// <summary>Every byte is one character in Latin-9: nothing is ever invalid, nothing waits for a next byte.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var count = Latin1.GetChars(bytes, chars);

        // The eight differences all lie between 0xA4 and 0xBE; accented letters (0xC0 and above) are Latin-1's.
        var offset = 0;
        int next;
        while ((next = bytes[offset..].IndexOfAnyInRange((byte)0xA4, (byte)0xBE)) >= 0)
        {
            offset += next;
            chars[offset] = Latin9(bytes[offset]);
            offset++;
        }

        return count;
    }

    private static char Latin9(byte b) => b switch
    {
        0xA4 => '\u20AC', // €
        0xA6 => '\u0160', // Š
        0xA8 => '\u0161', // š
        0xB4 => '\u017D', // Ž
        0xB8 => '\u017E', // ž
        0xBC => '\u0152', // Œ
        0xBD => '\u0153', // œ
        0xBE => '\u0178', // Ÿ
        _ => (char)b,
    };

    /// <summary>Stateless: a byte never waits for the next one.</summary>
    private sealed class Latin9Decoder : Decoder
    {
        public override int GetCharCount(byte[] bytes, int index, int count) => count;

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            Decode(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex));

        public override int GetCharCount(ReadOnlySpan<byte> bytes, bool flush) => bytes.Length;

        public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush) => Decode(bytes, chars);

        public override void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush,
            out int bytesUsed, out int charsUsed, out bool completed)
        {
            var count = Math.Min(byteCount, charCount);
            Decode(bytes.AsSpan(byteIndex, count), chars.AsSpan(charIndex, count));
            bytesUsed = charsUsed = count;
            completed = count == byteCount;
        }

        public override void Convert(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush, out int bytesUsed, out int charsUsed, out bool completed)
        {
            var count = Math.Min(bytes.Length, chars.Length);
            Decode(bytes[..count], chars[..count]);
            bytesUsed = charsUsed = count;
            completed = count == bytes.Length;
        }
    }
}
