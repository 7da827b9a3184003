namespace SupportBot.Bot.Dialogs.Stack;

/// <summary>
/// The saved stack names a dialog or a step that this version no longer has (a deployment changed the files):
/// the bot restarts the conversation at the menu with an apology.
/// </summary>
internal sealed class StaleDialogStateException(string message) : Exception(message);
