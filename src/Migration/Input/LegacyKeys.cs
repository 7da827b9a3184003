using System.Globalization;

namespace SupportBot.Migration.Input;

/// <summary>
/// The UAJ:ID keys of the accounts export in the order read, each one a number until the SIECLE exports are read: the
/// UAJ's rank among the UAJs met and a decimal ID written without leading zero in one <see langword="long"/>, any other
/// ID as the full key string (then the number is negative). Kept in fixed-size chunks: no copy as it grows.
/// </summary>
internal sealed class LegacyKeys
{
    private const int IdBits = 44;
    private const long IdMask = (1L << IdBits) - 1;

    // 13 digits stay below 2^44.
    private const int MaxDigits = 13;
    private const int MaxUajs = 1 << (63 - IdBits);
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<long[]> _chunks = [];
    private readonly List<string> _uajs = [];
    private readonly Dictionary<string, int> _uajRanks = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    public int Count { get; private set; }

    public long this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Adds the key of <paramref name="uaj"/> (normalised) and <paramref name="id"/> (trimmed here).</summary>
    public void Add(string uaj, string id)
    {
        var trimmed = id.AsSpan().Trim();
        if (!_uajRanks.TryGetValue(uaj, out var rank))
        {
            rank = _uajs.Count;
            _uajRanks.Add(uaj, rank);
            _uajs.Add(uaj);
        }

        long key;
        if (rank < MaxUajs && IsCanonicalNumber(trimmed))
        {
            key = ((long)rank << IdBits) | long.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else
        {
            key = -1 - _texts.Count;
            _texts.Add(string.Concat(uaj, ":", trimmed));
        }

        if ((Count >> ChunkBits) == _chunks.Count)
        {
            _chunks.Add(new long[ChunkSize]);
        }

        _chunks[Count >> ChunkBits][Count & (ChunkSize - 1)] = key;
        Count++;
    }

    /// <summary>Forgets the last <paramref name="count"/> keys (those of an account read and then set aside).</summary>
    public void DropLast(int count) => Count -= count;

    /// <summary>The key as UAJ:ID, written into <paramref name="buffer"/> when it is a number.</summary>
    public ReadOnlySpan<char> Format(long key, Span<char> buffer)
    {
        if (key < 0)
        {
            return _texts[(int)(-1 - key)];
        }

        var uaj = _uajs[(int)(key >> IdBits)];
        uaj.CopyTo(buffer);
        buffer[uaj.Length] = ':';
        (key & IdMask).TryFormat(buffer[(uaj.Length + 1)..], out var written, provider: CultureInfo.InvariantCulture);
        return buffer[..(uaj.Length + 1 + written)];
    }

    public void Clear()
    {
        _chunks.Clear();
        _texts.Clear();
        Count = 0;
    }

    // Only an ID that prints back as itself: digits, no sign, no leading zero (but "0"), at most 13 of them.
    private static bool IsCanonicalNumber(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaxDigits || (id[0] == '0' && id.Length > 1))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
