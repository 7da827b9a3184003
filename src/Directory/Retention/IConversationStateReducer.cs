namespace SupportBot.AccountDirectory.Retention;

/// <summary>
/// What of a saved conversation state (<see cref="DialogState.ConversationStateRecord.Json"/>) may outlive
/// <see cref="RetentionOptions.VerbatimHours"/>. The bot knows the state's shape; the directory only stores it.
/// </summary>
public interface IConversationStateReducer
{
    /// <summary>The state without what the parent gave (values, the dialog under way), or null to delete the row.</summary>
    string? Reduce(string json);
}
