namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>A text a step can send, with the choices shown under it (for the SMS report of <c>dialogs check --sms</c>).</summary>
internal sealed record StepText(string Name, MessageText Text, IReadOnlyList<MessageText>? Choices = null);
