using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs.Conversations;

/// <summary>
/// One turn: the parent's message (or <see cref="Join"/>: the parent opens the chat page again), and the checks on all the
/// replies of that turn together. <see cref="Expect"/>: every entry must be found, an entry being a list of alternatives
/// (any of them); <see cref="Refuse"/>: none may be found. Fragments are compared by <see cref="ReplyText.Normalize"/>.
/// </summary>
internal sealed record ScriptTurn(
    string? Parent,
    bool Join,
    string? Channel,
    IReadOnlyList<IReadOnlyList<string>> Expect,
    IReadOnlyList<string> Refuse,
    SourcePosition Position)
{
    public bool RunsOn(string channel) => Channel is null ? !Join || channel == ConversationScript.WebChannel : Channel == channel;
}
