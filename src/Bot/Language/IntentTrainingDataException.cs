namespace SupportBot.Bot.Language;

/// <summary>A training file is malformed; the message starts with "file:line" so an operator can fix it.</summary>
internal sealed class IntentTrainingDataException(string message) : Exception(message);
