namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>A value a step asks for: the prompt that reads it and the name the dialog keeps it as (<c>into</c>).</summary>
internal sealed record AskedValue(string Prompt, string Into);
