namespace SupportBot.Bench.Nlu;

/// <summary>ML.NET's input and output rows (public: ML.NET maps them by reflection).</summary>
public sealed class MlNetRow
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}
