namespace SupportBot.Bot.Language;

public sealed record IntentScore(string Intent, double Score);

/// <summary>
/// What the recognizer understood of one message. <see cref="Intent"/> is null when it is unsure (the dialogs then
/// ask with a menu); <see cref="Ranking"/> lists the best intents, best first, with calibrated scores in [0, 1].
/// </summary>
public sealed record IntentPrediction(string? Intent, double Score, IReadOnlyList<IntentScore> Ranking)
{
    public bool IsUnsure => Intent is null;
}
