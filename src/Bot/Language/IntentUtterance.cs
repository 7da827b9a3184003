namespace SupportBot.Bot.Language;

/// <summary>One training utterance; <see cref="Source"/> is "dialogs/intents/x.yaml:12" for error messages.</summary>
internal sealed record IntentUtterance(string Text, string Intent, string Source);
