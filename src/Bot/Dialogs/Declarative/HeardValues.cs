namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// Values heard in a parent's message, by the prompt that reads their kind (prompt id → value), handed to a dialog that
/// begins: it keeps those its steps take (<see cref="DialogDocument.Hears"/>), each under the name its step gives it.
/// </summary>
internal sealed record HeardValues(IReadOnlyDictionary<string, string> ByPrompt);
