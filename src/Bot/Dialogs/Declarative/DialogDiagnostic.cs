namespace SupportBot.Bot.Dialogs.Declarative;

public sealed record DialogDiagnostic(SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
