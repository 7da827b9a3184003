namespace SupportBot.Bot.Dialogs.State;

public sealed class DialogStateConflictException(string key)
    : Exception($"The state of « {key} » was written by another turn since it was read; this turn's changes were not saved.");
