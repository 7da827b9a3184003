namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>
/// A second subject the parent raised in the message that started the current path (« pas reçu le code et je peux appeler
/// qui ? »): its dialog, the values of that message it can use (prompt id → value), and whether the engine already
/// started <c>autre-chose</c> to offer it.
/// </summary>
internal sealed record OtherSubject(string DialogId, Dictionary<string, string> Heard, bool Offered = false);
