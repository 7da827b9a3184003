using SupportBot.Bot.Dialogs.Stack;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>A step being run in one conversation: the values collected so far are the dialog's own (saved with its state).</summary>
internal sealed class StepRun(DialogContext dc, StepNode step, Dictionary<string, string> values, DialogCatalog catalog)
{
    public DialogContext Dialogs => dc;

    public StepNode Step => step;

    public Dictionary<string, string> Values => values;

    public DialogCatalog Catalog => catalog;

    public Task SayAsync(MessageText text, CancellationToken cancellationToken) =>
        dc.Turn.SendAsync(text.Format(values), null, cancellationToken);
}
