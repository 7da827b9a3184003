using System.Text.Json;

namespace SupportBot.Bot.Dialogs.Stack;

internal delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>Steps run in order; a step that begins a prompt waits, and the prompt's result is the next step's input.</summary>
internal sealed class WaterfallDialog(string id, IReadOnlyList<WaterfallStep> steps) : Dialog(id)
{
    internal sealed record WaterfallState(int Index, Dictionary<string, JsonElement> Values);

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
        RunStepAsync(dc, dc.ActiveDialog!, 0, new Dictionary<string, JsonElement>(), options, cancellationToken);

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        ResumeAsync(dc, dc.Turn.Activity.Text, cancellationToken);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var state = DialogContext.GetState<WaterfallState>(instance)
            ?? throw new StaleDialogStateException($"The waterfall « {Id} » has no saved step.");
        return RunStepAsync(dc, instance, state.Index + 1, state.Values, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, DialogInstance instance, int index,
        Dictionary<string, JsonElement> values, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        DialogContext.SetState(instance, new WaterfallState(index, values));
        var step = new WaterfallStepContext(this, dc, instance, index, values, result);
        return await steps[index](step, cancellationToken);
    }
}
