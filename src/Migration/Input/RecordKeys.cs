using System.Globalization;

namespace SupportBot.Migration.Input;

/// <summary>
/// The run's UAJ:ID keys (persons, pupils, the accounts' holders and attachments) as numbers rather than strings:
/// millions of records, one string each, were about 180 MB at a million accounts. A key is the UAJ's rank among the
/// UAJs met and a decimal ID written without leading zero in one <see langword="long"/>; any other ID is kept as the
/// full UAJ:ID text and its key is negative. Equal UAJ:ID, equal key, whichever reader made it: the readers of the
/// SIECLE exports and of the accounts export share one instance from their threads.
/// </summary>
internal sealed class RecordKeys
{
    private const int IdBits = 44;
    private const long IdMask = (1L << IdBits) - 1;

    // 13 digits stay below 2^44.
    private const int MaxDigits = 13;
    private const int MaxUajs = 1 << (63 - IdBits);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _uajRanks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _textKeys = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    // Copied on growth (a few hundred UAJs): read without the lock, a rank being given only once its UAJ is in.
    private volatile string[] _uajs = [];

    /// <summary>The rank of a normalised UAJ, new or already given (once per file, or cached by the caller).</summary>
    public int Rank(string uaj)
    {
        lock (_lock)
        {
            if (_uajRanks.TryGetValue(uaj, out var rank))
            {
                return rank;
            }

            rank = _uajRanks.Count;
            _uajs = [.. _uajs, uaj];
            _uajRanks.Add(uaj, rank);
            return rank;
        }
    }

    /// <summary>The key of UAJ:ID, <paramref name="rank"/> being <paramref name="uaj"/>'s; <paramref name="id"/> is trimmed here.</summary>
    public long Key(int rank, string uaj, ReadOnlySpan<char> id)
    {
        var trimmed = id.Trim();
        if (rank < MaxUajs && DecimalText.TryParse(trimmed, out var number, MaxDigits))
        {
            return ((long)rank << IdBits) | number;
        }

        var text = string.Concat(uaj, ":", trimmed);
        lock (_lock)
        {
            if (!_textKeys.TryGetValue(text, out var key))
            {
                key = -1 - _texts.Count;
                _texts.Add(text);
                _textKeys.Add(text, key);
            }

            return key;
        }
    }

    /// <summary>The key of UAJ:ID (the UAJ normalised).</summary>
    public long Key(string uaj, ReadOnlySpan<char> id) => Key(Rank(uaj), uaj, id);

    /// <summary>The key as UAJ:ID, written into <paramref name="buffer"/> (64 characters suffice but for odd IDs) when it is a number.</summary>
    public ReadOnlySpan<char> Format(long key, Span<char> buffer)
    {
        if (key < 0)
        {
            return Text(key);
        }

        var uaj = _uajs[(int)(key >> IdBits)];
        uaj.CopyTo(buffer);
        buffer[uaj.Length] = ':';
        (key & IdMask).TryFormat(buffer[(uaj.Length + 1)..], out var written, provider: CultureInfo.InvariantCulture);
        return buffer[..(uaj.Length + 1 + written)];
    }

    /// <summary>UAJ:ID, for messages and the directory's columns.</summary>
    public string ToString(long key) => key < 0 ? Text(key) : string.Create(CultureInfo.InvariantCulture, $"{_uajs[(int)(key >> IdBits)]}:{key & IdMask}");

    /// <summary>The ID, the part of UAJ:ID after the UAJ.</summary>
    public string Id(long key)
    {
        if (key >= 0)
        {
            return (key & IdMask).ToString(CultureInfo.InvariantCulture);
        }

        var text = Text(key);
        return text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>The ordinal order of the UAJ:ID strings (the order identifiers and reports follow), without making them.</summary>
    public int Compare(long a, long b)
    {
        if (a == b)
        {
            return 0;
        }

        if (a >= 0 && b >= 0)
        {
            var rankA = (int)(a >> IdBits);
            var rankB = (int)(b >> IdBits);
            if (rankA == rankB)
            {
                return DecimalText.Compare(a & IdMask, b & IdMask);
            }

            var uajs = _uajs;
            if (uajs[rankA].Length == uajs[rankB].Length)
            {
                return string.CompareOrdinal(uajs[rankA], uajs[rankB]);
            }
        }

        Span<char> x = stackalloc char[64];
        Span<char> y = stackalloc char[64];
        return Format(a, x).SequenceCompareTo(Format(b, y));
    }

    private string Text(long key)
    {
        lock (_lock)
        {
            return _texts[(int)(-1 - key)];
        }
    }
}
