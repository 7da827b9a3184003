using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs.Conversations;

/// <summary>
/// One conversation of dialogs/conversations/ (schema <c>supportbot/conversations/1</c>): what a parent writes, turn by
/// turn, what the bot's replies must and must not say, and what the directory must hold at the end.
/// </summary>
internal sealed record ConversationScript(
    string Id,
    IReadOnlyList<string> Channels,
    string Source,
    IReadOnlyList<ScriptTurn> Turns,
    IReadOnlyList<ExpectedCase>? Cases,
    SourcePosition Position)
{
    public const string WebChannel = "web";
    public const string SmsChannel = "sms";
}
