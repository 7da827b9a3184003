using Microsoft.ML.Data;

namespace SupportBot.Bench.Nlu;

public sealed class MlNetPrediction
{
    [ColumnName("PredictedLabel")]
    public string Predicted { get; set; } = "";

    public float[] Score { get; set; } = [];
}
