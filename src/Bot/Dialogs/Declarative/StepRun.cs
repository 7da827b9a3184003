using SupportBot.Bot.Dialogs.Stack;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// A step being run in one conversation: the values collected so far are the dialog's own (saved with its state), as are
/// the values heard in the parent's messages that a <c>when-given</c> may route on (prompt id → value).
/// </summary>
internal sealed class StepRun(DialogContext dc, StepNode step, Dictionary<string, string> values, Dictionary<string, string> heard,
    DialogDocument document, DialogCatalog catalog)
{
    public DialogContext Dialogs => dc;

    public StepNode Step => step;

    public Dictionary<string, string> Values => values;

    public Dictionary<string, string> Heard => heard;

    public DialogDocument Document => document;

    public DialogCatalog Catalog => catalog;

    public Task SayAsync(MessageText text, CancellationToken cancellationToken) =>
        dc.Turn.SendAsync(text.Format(values), null, cancellationToken);
}
