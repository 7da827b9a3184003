namespace SupportBot.Bot.Dialogs.State;

internal sealed class DialogStateConflictException(string key)
    : Exception($"The state of « {key} » was written by another turn since it was read; this turn's changes were not saved.");
