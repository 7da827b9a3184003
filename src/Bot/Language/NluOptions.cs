using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Language;

/// <summary>Configuration section <c>Nlu</c>.</summary>
internal sealed class NluOptions
{
    public const string Section = "Nlu";

    /// <summary>POST /api/nlu, for the assistance staff's tools; off by default as it exposes the model to anyone.</summary>
    public bool EnableApi { get; set; }

    /// <summary>The training utterances; a relative path is read from the application's folder, where the build copies dialogs/intents/.</summary>
    [Required]
    public string TrainingDirectory { get; set; } = "dialogs/intents";

    /// <summary>Below this probability the recognizer answers "unsure".</summary>
    [Range(0.0, 1.0)]
    public double MinScore { get; set; } = IntentRecognizer.DefaultMinScore;

    /// <summary>Unsure too when the second intent is closer than this to the first.</summary>
    [Range(0.0, 1.0)]
    public double MinMargin { get; set; } = IntentRecognizer.DefaultMinMargin;

    public string TrainingPath => Path.IsPathRooted(TrainingDirectory)
        ? TrainingDirectory
        : Path.Combine(AppContext.BaseDirectory, TrainingDirectory);
}
