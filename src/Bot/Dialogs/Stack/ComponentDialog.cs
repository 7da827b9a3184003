namespace SupportBot.Bot.Dialogs.Stack;

/// <summary>
/// A dialog made of dialogs: its children run on an inner stack saved in the component's own state, so that the
/// outer stack sees one entry, and the component ends when its initial dialog ends.
/// </summary>
internal class ComponentDialog(string id, string initialDialogId) : Dialog(id)
{
    private readonly DialogSet _inner = new();

    internal sealed record ComponentState(List<DialogInstance> Stack);

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _inner.Add(dialog);
        return this;
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
        RunInnerAsync(dc, [], inner => inner.BeginDialogAsync(initialDialogId, options, cancellationToken), cancellationToken);

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = DialogContext.GetState<ComponentState>(dc.ActiveDialog!)
            ?? throw new StaleDialogStateException($"The component « {Id} » has no saved inner stack.");
        return RunInnerAsync(dc, state.Stack, inner => inner.ContinueDialogAsync(cancellationToken), cancellationToken);
    }

    private async Task<DialogTurnResult> RunInnerAsync(DialogContext dc, List<DialogInstance> stack,
        Func<DialogContext, Task<DialogTurnResult>> run, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var inner = new DialogContext(_inner, dc.Turn, stack);
        var result = await run(inner);
        DialogContext.SetState(instance, new ComponentState(stack));
        return result.Status switch
        {
            DialogTurnStatus.Complete or DialogTurnStatus.Empty => await dc.EndDialogAsync(result.Result, cancellationToken),
            DialogTurnStatus.Cancelled => await dc.EndDialogAsync(null, cancellationToken),
            _ => result,
        };
    }
}
