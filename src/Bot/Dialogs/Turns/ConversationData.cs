using SupportBot.Bot.Dialogs.Stack;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>What the bot keeps about one conversation between turns.</summary>
internal sealed class ConversationData
{
    public List<DialogInstance> Stack { get; set; } = [];

    /// <summary>The welcome was said: a page reloaded or reconnected does not say it again.</summary>
    public bool Greeted { get; set; }

    /// <summary>Messages in a row the bot did not understand at all; at two it offers the menu and a person.</summary>
    public int Misunderstandings { get; set; }

    /// <summary>A subject the parent raised beside the one being handled, offered when that path ends.</summary>
    public OtherSubject? OtherSubject { get; set; }

    /// <summary>
    /// The last path started for a problem of the parent's (a dialog with intents, not small talk): a follow-up too short
    /// to be sure of on its own (« et en ligne alors ? ») is read as being about it when that path is among its likely ones.
    /// </summary>
    public string? Topic { get; set; }

    /// <summary>Unix milliseconds of this conversation's account look-ups, for the per-conversation limit.</summary>
    public List<long> Lookups { get; set; } = [];

    /// <summary>The references of the cases opened in this conversation, oldest first: a parent who comes back is told where they stand.</summary>
    public List<string> Cases { get; set; } = [];
}
