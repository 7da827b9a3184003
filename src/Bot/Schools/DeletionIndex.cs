namespace SupportBot.Bot.Schools;

/// <summary>
/// Finds the terms within edit distance 1 or 2 of a word without comparing it to every term: SymSpell's symmetric
/// deletion neighbourhood (https://github.com/wolfgarbe/SymSpell). Every term is stored under the hashes of itself with
/// up to one or two letters deleted; a word's own deletions looked up there give the candidates, which are then checked
/// with the real distance, so a hash collision costs a comparison, never a wrong match.
/// </summary>
internal sealed class DeletionIndex
{
    /// <summary>Terms this long or longer are stored with two deletions; shorter ones with one.</summary>
    private const int TwoDeletionsFrom = 7;

    private readonly string[] _terms;
    private readonly ulong[] _hashes;
    private readonly int[] _termOfHash;

    public DeletionIndex(string[] terms)
    {
        _terms = terms;
        var count = 0;
        foreach (var term in terms)
        {
            count += Variants(term.Length, Depth(term.Length));
        }

        _hashes = new ulong[count];
        _termOfHash = new int[count];
        var at = 0;
        for (var t = 0; t < terms.Length; t++)
        {
            var term = terms[t].AsSpan();
            var depth = Depth(term.Length);
            if (depth < 0)
            {
                continue;
            }

            _hashes[at] = Hash(term, -1, -1);
            _termOfHash[at++] = t;
            for (var i = 0; depth >= 1 && i < term.Length; i++)
            {
                _hashes[at] = Hash(term, i, -1);
                _termOfHash[at++] = t;
                for (var j = i + 1; depth >= 2 && j < term.Length; j++)
                {
                    _hashes[at] = Hash(term, i, j);
                    _termOfHash[at++] = t;
                }
            }
        }

        Array.Sort(_hashes, _termOfHash);
    }

    public int Entries => _hashes.Length;

    /// <summary>
    /// Adds to <paramref name="found"/> each term within <paramref name="maxDistance"/> (1 or 2) of <paramref name="word"/>
    /// other than the word itself, with its distance; <paramref name="found"/> is not cleared.
    /// </summary>
    public void Find(string word, int maxDistance, List<(int Term, int Distance)> found)
    {
        if (maxDistance <= 0)
        {
            return;
        }

        var span = word.AsSpan();
        var start = found.Count;
        Collect(span, Hash(span, -1, -1), maxDistance, found, start);
        for (var i = 0; i < span.Length; i++)
        {
            Collect(span, Hash(span, i, -1), maxDistance, found, start);
            for (var j = i + 1; maxDistance >= 2 && j < span.Length; j++)
            {
                Collect(span, Hash(span, i, j), maxDistance, found, start);
            }
        }
    }

    private void Collect(ReadOnlySpan<char> word, ulong hash, int maxDistance, List<(int Term, int Distance)> found, int start)
    {
        var at = LowerBound(hash);
        for (; at < _hashes.Length && _hashes[at] == hash; at++)
        {
            var term = _termOfHash[at];
            if (Contains(found, start, term))
            {
                continue;
            }

            var distance = EditDistance.Within(word, _terms[term], maxDistance);
            if (distance >= 1 && distance <= maxDistance)
            {
                found.Add((term, distance));
            }
        }
    }

    private static bool Contains(List<(int Term, int Distance)> found, int start, int term)
    {
        for (var i = start; i < found.Count; i++)
        {
            if (found[i].Term == term)
            {
                return true;
            }
        }

        return false;
    }

    private int LowerBound(ulong hash)
    {
        int low = 0, high = _hashes.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_hashes[middle] < hash)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int Depth(int length) => length < 3 ? -1 : length >= TwoDeletionsFrom ? 2 : 1;

    private static int Variants(int length, int depth) =>
        depth < 0 ? 0 : 1 + (depth >= 1 ? length : 0) + (depth >= 2 ? length * (length - 1) / 2 : 0);

    /// <summary>FNV-1a over the word without the letters at <paramref name="skip1"/> and <paramref name="skip2"/>.</summary>
    private static ulong Hash(ReadOnlySpan<char> word, int skip1, int skip2)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < word.Length; i++)
        {
            if (i == skip1 || i == skip2)
            {
                continue;
            }

            hash = (hash ^ word[i]) * 1099511628211UL;
        }

        return hash;
    }
}
