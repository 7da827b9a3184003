namespace SupportBot.Bot.Language;

/// <summary>Routes a parent's free text to one of the <see cref="Intents"/>. Thread-safe; one instance per process.</summary>
public interface IIntentRecognizer
{
    IntentPrediction Recognize(string text);
}
