namespace SupportBot.Bot.Language;

/// <summary>
/// Multinomial logistic regression over <see cref="IntentFeatures"/>, trained by stochastic gradient descent with
/// L2 regularisation. Small enough (a few hundred utterances) to train at start-up in well under a second, and
/// its weights can be read: a feature's column says which intents it pulls towards.
/// </summary>
internal sealed class SoftmaxIntentModel
{
    private readonly string[] _classes;
    private readonly float[][] _weights;
    private readonly float[] _bias;

    private SoftmaxIntentModel(string[] classes, float[][] weights, float[] bias)
    {
        _classes = classes;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Classes => _classes;

    // Chosen by 5-fold cross-validation on the training set (bench: nlu-compare --sweep), not on the held-out corpus.
    public sealed record Hyperparameters(int Epochs = 40, float LearningRate = 1f, float L2 = 1e-4f, int Seed = 6);

    public static SoftmaxIntentModel Train(IReadOnlyList<(SparseVector X, int Y)> examples, string[] classes, int featureCount,
        Hyperparameters? hyper = null)
    {
        hyper ??= new Hyperparameters();
        var weights = Enumerable.Range(0, featureCount).Select(_ => new float[classes.Length]).ToArray();
        var bias = new float[classes.Length];
        var model = new SoftmaxIntentModel(classes, weights, bias);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(hyper.Seed);
        var probabilities = new float[classes.Length];
        var step = 0;
        for (var epoch = 0; epoch < hyper.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var e in order)
            {
                var (x, y) = examples[e];
                var rate = hyper.LearningRate / (1 + 0.01f * step++ / examples.Count);
                model.Probabilities(x, probabilities);
                for (var c = 0; c < classes.Length; c++)
                {
                    var gradient = probabilities[c] - (c == y ? 1f : 0f);
                    bias[c] -= rate * gradient * 0.1f;
                    for (var k = 0; k < x.Indices.Length; k++)
                    {
                        var row = weights[x.Indices[k]];
                        row[c] -= rate * (gradient * x.Values[k] + hyper.L2 * row[c]);
                    }
                }
            }
        }

        return model;
    }

    /// <summary>Softmax probabilities, one per class, into <paramref name="output"/>.</summary>
    public void Probabilities(SparseVector x, Span<float> output)
    {
        _bias.CopyTo(output);
        for (var k = 0; k < x.Indices.Length; k++)
        {
            var row = _weights[x.Indices[k]];
            var value = x.Values[k];
            for (var c = 0; c < output.Length; c++)
            {
                output[c] += row[c] * value;
            }
        }

        var max = float.NegativeInfinity;
        foreach (var v in output)
        {
            max = MathF.Max(max, v);
        }

        var sum = 0f;
        for (var c = 0; c < output.Length; c++)
        {
            output[c] = MathF.Exp(output[c] - max);
            sum += output[c];
        }

        for (var c = 0; c < output.Length; c++)
        {
            output[c] /= sum;
        }
    }
}
