using SupportBot.AccountDirectory.Retention;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

/// <summary>
/// Past <see cref="RetentionOptions.VerbatimHours"/>, a conversation keeps only whether it was greeted and the references of
/// its cases (a parent who comes back is told where they stand); the dialog under way and every value the parent gave
/// (names, dates, phones, addresses, identifiers) go, so a parent who answers days later starts the path again.
/// </summary>
internal sealed class ConversationStateReducer : IConversationStateReducer
{
    public string? Reduce(string json)
    {
        var state = StateJson.Read<ConversationData>(json);
        return state.Cases.Count == 0 && !state.Greeted
            ? null
            : StateJson.Write(new ConversationData { Greeted = state.Greeted, Cases = state.Cases });
    }
}
