namespace SupportBot.Bot.Schools;

// Which terms of the index a typed word may stand for, and whether each match is firm: the word itself, one or two
// typos through the deletion index, the same French sound, or a prefix (RULES.md, « Words »). Firmness is decided
// here, once per word, because every later rule (a commune named, a school with evidence) reads it rather than the
// distance.
internal sealed partial class SchoolIndex
{
    private const int MaxPrefixTerms = 24;
    private const float ExactSimilarity = 1f;
    private const float SoundSimilarity = 0.85f;
    private const float OneEditSimilarity = 0.8f;
    private const float TwoEditsSimilarity = 0.65f;

    /// <summary>
    /// The terms <paramref name="word"/> may stand for, with a similarity and whether the match is firm, evidence enough
    /// to name something: the word itself, one typo in a word of <see cref="FirmTypo"/> letters or more, the same sound in
    /// one of <see cref="FirmSound"/>. Shorter words are too often another word one letter or one sound away (« dinan »
    /// and Diwan, « brest » and Brécé, « passe » and Pacé); a prefix or two typos, too often anything. Returns the most
    /// the word can weigh.
    /// </summary>
    private float Match(string word, int typedLength, Scratch scratch)
    {
        var matches = scratch.Matches;
        matches.Clear();
        if (_termIds.TryGetValue(word, out var exact))
        {
            matches.Add((exact, ExactSimilarity, true));
            return _idf[exact];
        }

        // Everyday French is meant as typed: « mairie » is not Marie, « nouvelle » not Neuville, « port » not Portes.
        if (SchoolText.IsGeneric(word))
        {
            return 0;
        }

        var maxDistance = typedLength >= 8 ? 2 : typedLength >= 4 ? 1 : 0;
        if (word.Length >= 3 && maxDistance > 0)
        {
            scratch.Fuzzy.Clear();
            _fuzzy.Find(word, maxDistance, scratch.Fuzzy);
            foreach (var (term, distance) in scratch.Fuzzy)
            {
                if (_terms[term].Length >= 4)
                {
                    AddMatch(matches, term, distance == 1 ? OneEditSimilarity : TwoEditsSimilarity, distance == 1 && typedLength >= FirmTypo);
                }
            }
        }

        if (word.Length >= 3 && _termsBySound.TryGetValue(SchoolText.Phonetic(word), out var sameSound))
        {
            foreach (var term in sameSound)
            {
                AddMatch(matches, term, SoundSimilarity, typedLength >= FirmSound);
            }
        }

        if (word.Length >= 2 && !char.IsAsciiDigit(word[0]))
        {
            AddPrefixMatches(word, matches);
        }

        var mass = 0f;
        foreach (var (term, similarity, _) in matches)
        {
            mass = Math.Max(mass, similarity * _idf[term]);
        }

        return mass;
    }

    /// <summary>
    /// The terms <paramref name="prefix"/> begins (« jo » → joseph, « montesso » → montessori), weighted by how much of
    /// the term was typed; the most frequent first when a short prefix begins many.
    /// </summary>
    private void AddPrefixMatches(string prefix, List<(int Term, float Similarity, bool Firm)> matches)
    {
        var at = Array.BinarySearch(_sortedTerms, prefix, StringComparer.Ordinal);
        at = at < 0 ? ~at : at + 1;
        Span<int> kept = stackalloc int[MaxPrefixTerms];
        var count = 0;
        for (var scanned = 0; at < _sortedTerms.Length && scanned < 512 && _sortedTerms[at].StartsWith(prefix, StringComparison.Ordinal); at++, scanned++)
        {
            var term = _sortedTermIds[at];
            if (count < MaxPrefixTerms)
            {
                kept[count++] = term;
                continue;
            }

            // Full: replace the rarest kept term if this one is more frequent (a lower idf).
            var rarest = 0;
            for (var k = 1; k < count; k++)
            {
                if (_idf[kept[k]] > _idf[kept[rarest]])
                {
                    rarest = k;
                }
            }

            if (_idf[term] < _idf[kept[rarest]])
            {
                kept[rarest] = term;
            }
        }

        for (var k = 0; k < count; k++)
        {
            var term = kept[k];
            AddMatch(matches, term, Math.Min(0.75f, 0.5f + (0.3f * prefix.Length / _terms[term].Length)), false);
        }
    }

    private static void AddMatch(List<(int Term, float Similarity, bool Firm)> matches, int term, float similarity, bool firm)
    {
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i].Term == term)
            {
                matches[i] = (term, Math.Max(similarity, matches[i].Similarity), firm || matches[i].Firm);
                return;
            }
        }

        matches.Add((term, similarity, firm));
    }
}
