namespace SupportBot.Bot.Schools;

// What a parent's text asks once folded: the words that may name a school or a commune, the postal codes, the kind
// hinted at, and whether another kind of establishment is named. Words are joined or cut here against the index's own
// terms (« bourg chevreuil » is one term, « corpsnuds » two), since only the index knows whether two words make one
// name.
internal sealed partial class SchoolIndex
{
    /// <summary>What a text says once folded: the words that may name a school or a commune, postal codes, the kind asked for.</summary>
    private sealed class Query
    {
        public List<string> Words { get; } = [];

        /// <summary>Each word's length as typed, which sets how many typos it may carry.</summary>
        public List<int> Lengths { get; } = [];

        public List<string> PostalCodes { get; } = [];

        /// <summary>Whether the text names another kind of establishment (« le collège », « la crèche »).</summary>
        public bool OtherEstablishment { get; set; }

        public SchoolKind Kind { get; } = new();
    }

    private Query Parse(string text)
    {
        var query = new Query();
        var words = new List<string>();
        foreach (var word in SchoolText.Words(text))
        {
            if (word.Length == 5 && word.All(char.IsAsciiDigit))
            {
                if (_communesByPostalCode.ContainsKey(word))
                {
                    query.PostalCodes.Add(word);
                }
            }
            else if (SchoolText.IsOtherEstablishment(SchoolText.Key(word)))
            {
                query.OtherEstablishment = true;
            }
            else if (!query.Kind.TryAdd(word) && !SchoolText.IsStopWord(word) && !word.All(char.IsAsciiDigit))
            {
                words.Add(word);
            }
        }

        for (var i = 0; i < words.Count && query.Words.Count < MaxWords; i++)
        {
            var key = SchoolText.Key(words[i]);
            // « chateau giron », « bourg chevreuil »: two words that are one term once joined.
            if (i + 1 < words.Count && !(_termIds.ContainsKey(key) && _termIds.ContainsKey(SchoolText.Key(words[i + 1])))
                && _termIds.ContainsKey(SchoolText.Key(words[i] + words[i + 1])))
            {
                query.Words.Add(SchoolText.Key(words[i] + words[i + 1]));
                query.Lengths.Add(words[i].Length + words[i + 1].Length);
                i++;
                continue;
            }

            // « corpsnuds », « stmalo »: one word typed for two terms.
            if (!_termIds.ContainsKey(key) && Split(words[i]) is var (left, right) && query.Words.Count + 1 < MaxWords)
            {
                query.Words.Add(left);
                query.Lengths.Add(left.Length);
                query.Words.Add(right);
                query.Lengths.Add(right.Length);
                continue;
            }

            query.Words.Add(key);
            query.Lengths.Add(words[i].Length);
        }

        return query;
    }

    /// <summary>The two terms <paramref name="word"/> is made of, the most even cut first, or null.</summary>
    private (string Left, string Right)? Split(string word)
    {
        if (word.Length < 6 || word.Any(char.IsAsciiDigit))
        {
            return null;
        }

        for (var offset = 0; offset <= word.Length / 2; offset++)
        {
            foreach (var cut in (ReadOnlySpan<int>)[word.Length / 2 - offset, word.Length / 2 + offset])
            {
                if (cut < 2 || cut > word.Length - 3)
                {
                    continue;
                }

                var left = word[..cut] switch
                {
                    "st" => "saint",
                    "ste" => "saint",
                    var other => SchoolText.Key(other),
                };
                var right = SchoolText.Key(word[cut..]);
                if (_termIds.ContainsKey(left) && _termIds.ContainsKey(right))
                {
                    return (left, right);
                }
            }
        }

        return null;
    }
}
