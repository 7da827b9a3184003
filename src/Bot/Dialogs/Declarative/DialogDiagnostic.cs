namespace SupportBot.Bot.Dialogs.Declarative;

internal sealed record DialogDiagnostic(SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
