using System.Globalization;
using System.Text;

namespace SupportBot.Bot.Language;

/// <summary>
/// Scores a recognizer on a labelled corpus (the tests' held-out utterances): top-1 accuracy, how often it says
/// "unsure", how often it answers wrong, and the confusion matrix. Corpus format: "[intent]" headers, one
/// utterance per line, "#" comments.
/// </summary>
internal sealed class IntentEvaluation
{
    private IntentEvaluation(IReadOnlyList<(IntentUtterance Utterance, IntentPrediction Prediction)> results) => Results = results;

    public IReadOnlyList<(IntentUtterance Utterance, IntentPrediction Prediction)> Results { get; }

    public int Count => Results.Count;

    /// <summary>The best-ranked intent is the expected one, whether or not the recognizer was sure.</summary>
    public double TopOneAccuracy => Results.Count(r => Top(r.Prediction) == r.Utterance.Intent) / (double)Count;

    public double UnsureRate => Results.Count(r => r.Prediction.IsUnsure) / (double)Count;

    /// <summary>Answered (not unsure) and wrong: the costly case, a parent sent down the wrong path.</summary>
    public double WrongAnswerRate => Results.Count(r => r.Prediction.Intent is { } i && i != r.Utterance.Intent) / (double)Count;

    public static IReadOnlyList<IntentUtterance> LoadCorpus(string path)
    {
        var utterances = new List<IntentUtterance>();
        string? intent = null;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                intent = line[1..^1];
                if (!Intents.All.Contains(intent))
                {
                    throw new IntentTrainingDataException($"{path}:{number}: unknown intent « {intent} ».");
                }

                continue;
            }

            utterances.Add(new IntentUtterance(line,
                intent ?? throw new IntentTrainingDataException($"{path}:{number}: utterance before any [intent] header."),
                $"{Path.GetFileName(path)}:{number}"));
        }

        return utterances;
    }

    public static IntentEvaluation Run(IIntentRecognizer recognizer, IEnumerable<IntentUtterance> corpus) =>
        new([.. corpus.Select(u => (u, recognizer.Recognize(u.Text)))]);

    public static IntentEvaluation FromResults(IEnumerable<(IntentUtterance, IntentPrediction)> results) => new([.. results]);

    /// <summary>Rows: expected intent; columns: best-ranked intent (numbered as the rows); "?" counts unsure answers.</summary>
    public string ConfusionMatrix()
    {
        var intents = Intents.All;
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{"expected \\ top-1",-26}");
        for (var c = 0; c < intents.Count; c++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{c + 1,4}");
        }

        builder.AppendLine("   ?  acc");
        for (var r = 0; r < intents.Count; r++)
        {
            var rows = Results.Where(x => x.Utterance.Intent == intents[r]).ToList();
            builder.Append(CultureInfo.InvariantCulture, $"{r + 1,2} {intents[r],-23}");
            foreach (var column in intents)
            {
                var n = rows.Count(x => Top(x.Prediction) == column);
                builder.Append(CultureInfo.InvariantCulture, $"{(n == 0 ? "." : n.ToString(CultureInfo.InvariantCulture)),4}");
            }

            var accuracy = rows.Count == 0 ? 0 : rows.Count(x => Top(x.Prediction) == intents[r]) / (double)rows.Count;
            builder.AppendLine(CultureInfo.InvariantCulture, $"{rows.Count(x => x.Prediction.IsUnsure),4} {accuracy,4:P0}");
        }

        builder.AppendLine(CultureInfo.InvariantCulture,
            $"n={Count} top-1={TopOneAccuracy:P1} unsure={UnsureRate:P1} answered-wrong={WrongAnswerRate:P1}");
        return builder.ToString();
    }

    /// <summary>Reliability table: for each band of best score, how many predictions and how many were right.</summary>
    public IReadOnlyList<(double From, double To, int Count, double Accuracy, double MeanScore)> Calibration(int bands = 5)
    {
        var table = new List<(double, double, int, double, double)>();
        for (var b = 0; b < bands; b++)
        {
            var from = b / (double)bands;
            var to = (b + 1) / (double)bands;
            var inBand = Results.Where(r => r.Prediction.Score >= from && (r.Prediction.Score < to || b == bands - 1)).ToList();
            table.Add((from, to, inBand.Count,
                inBand.Count == 0 ? 0 : inBand.Count(r => Top(r.Prediction) == r.Utterance.Intent) / (double)inBand.Count,
                inBand.Count == 0 ? 0 : inBand.Average(r => r.Prediction.Score)));
        }

        return table;
    }

    /// <summary>Expected calibration error: the gap between score and accuracy, weighted by how many fall in each band.</summary>
    public double ExpectedCalibrationError(int bands = 10) =>
        Calibration(bands).Sum(b => b.Count * Math.Abs(b.Accuracy - b.MeanScore)) / Count;

    private static string? Top(IntentPrediction prediction) => prediction.Ranking.Count > 0 ? prediction.Ranking[0].Intent : null;
}
