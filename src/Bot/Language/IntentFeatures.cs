namespace SupportBot.Bot.Language;

/// <summary>
/// Turns a normalised utterance into a sparse, L2-normalised feature vector: words, word pairs and the character
/// 3- to 5-grams of each word. The character n-grams are what make "motdepase", "indentifiant" or "moduleau"
/// land near their correct spelling.
/// </summary>
internal sealed class IntentFeatures
{
    private const float WordWeight = 1.0f;
    private const float PairWeight = 0.7f;
    private const float CharWeight = 0.35f;

    private readonly Dictionary<string, int> _index;

    private IntentFeatures(Dictionary<string, int> index) => _index = index;

    public int Count => _index.Count;

    public static IntentFeatures Build(IEnumerable<string> normalizedTexts)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in normalizedTexts)
        {
            foreach (var (feature, _) in Raw(text))
            {
                index.TryAdd(feature, index.Count);
            }
        }

        return new IntentFeatures(index);
    }

    /// <summary>Features unknown to the training set are dropped: an utterance made only of them is a zero vector.</summary>
    public SparseVector Vectorize(string normalizedText)
    {
        var weights = new Dictionary<int, float>();
        foreach (var (feature, weight) in Raw(normalizedText))
        {
            if (_index.TryGetValue(feature, out var i))
            {
                weights[i] = weights.GetValueOrDefault(i) + weight;
            }
        }

        var indices = weights.Keys.ToArray();
        var values = indices.Select(i => weights[i]).ToArray();
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        for (var k = 0; k < values.Length; k++)
        {
            values[k] /= norm;
        }

        return new SparseVector(indices, values);
    }

    private static IEnumerable<(string Feature, float Weight)> Raw(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            yield return ("w:" + word, WordWeight);
            if (w + 1 < words.Length)
            {
                yield return ("b:" + word + "_" + words[w + 1], PairWeight);
            }

            if (word.Length < 3)
            {
                continue;
            }

            var padded = "<" + word + ">";
            for (var n = 3; n <= 5; n++)
            {
                for (var start = 0; start + n <= padded.Length; start++)
                {
                    yield return ("c:" + padded.Substring(start, n), CharWeight);
                }
            }
        }
    }
}
