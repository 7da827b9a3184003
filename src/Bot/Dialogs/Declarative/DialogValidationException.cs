namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>The files under dialogs/ are invalid: the service refuses to start and lists every problem with file:line.</summary>
internal sealed class DialogValidationException(IReadOnlyList<DialogDiagnostic> diagnostics)
    : Exception("Invalid dialog files:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<DialogDiagnostic> Diagnostics { get; } = diagnostics;
}
