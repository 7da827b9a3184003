using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// Runs one dialog file: steps in order, following their targets, waiting while a prompt asks. Its saved state is
/// the current step's id and the values collected, so a restarted service resumes at the same step.
/// </summary>
internal sealed class DeclarativeDialog(DialogDocument document, DialogCatalog catalog) : Dialog(document.Id)
{
    internal sealed record DeclarativeState(string Step, Dictionary<string, string> Values);

    public DialogDocument Document => document;

    /// <param name="options">Values already known (a reference the parent named), which the dialog's questions do not ask again.</param>
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
        RunFromAsync(dc, dc.ActiveDialog!, 0,
            options is IReadOnlyDictionary<string, string> known ? new Dictionary<string, string>(known) : [], cancellationToken);

    /// <summary>A message with no prompt running (not expected): ask the current step again.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var (instance, state, step) = Current(dc);
        return RunFromAsync(dc, instance, step.Index, state.Values, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var (instance, state, step) = Current(dc);
        var outcome = await step.Kind.ResumeAsync(new StepRun(dc, step, state.Values, catalog), result as PromptResult, cancellationToken);
        DialogContext.SetState(instance, state);
        return await FollowAsync(dc, instance, step, outcome, state.Values, cancellationToken);
    }

    private Target NextStep(StepNode step) => step.Index + 1 < document.Steps.Count
        ? new Target(document.Steps[step.Index + 1].Id, step.Position)
        : new Target(Target.EndValue, step.Position);

    private (DialogInstance Instance, DeclarativeState State, StepNode Step) Current(DialogContext dc)
    {
        var instance = dc.ActiveDialog!;
        var state = DialogContext.GetState<DeclarativeState>(instance)
            ?? throw new StaleDialogStateException($"The dialog « {Id} » has no saved step.");
        var step = document.Find(state.Step)
            ?? throw new StaleDialogStateException($"The saved step « {state.Step} » no longer exists in « {Id} » ({document.File}).");
        return (instance, state, step);
    }

    private async Task<DialogTurnResult> RunFromAsync(DialogContext dc, DialogInstance instance, int index,
        Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (index >= document.Steps.Count)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        var step = document.Steps[index];
        if (step.Channel is { } only && Channels.IsSms(only) != dc.Turn.IsSms)
        {
            return await FollowAsync(dc, instance, step, StepResult.Continue(step.Next ?? NextStep(step)), values, cancellationToken);
        }

        // Saved before the step runs: a prompt it begins sits above this instance, which must already name the step.
        DialogContext.SetState(instance, new DeclarativeState(step.Id, values));
        var outcome = await step.Kind.RunAsync(new StepRun(dc, step, values, catalog), cancellationToken);
        DialogContext.SetState(instance, new DeclarativeState(step.Id, values));
        return await FollowAsync(dc, instance, step, outcome, values, cancellationToken);
    }

    private Task<DialogTurnResult> FollowAsync(DialogContext dc, DialogInstance instance, StepNode step, StepResult outcome,
        Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (outcome.Waiting)
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        var target = outcome.Next ?? step.Next;
        if (target is null)
        {
            return RunFromAsync(dc, instance, step.Kind.FallsThrough ? step.Index + 1 : document.Steps.Count, values, cancellationToken);
        }

        if (target.IsEnd)
        {
            return dc.EndDialogAsync(null, cancellationToken);
        }

        if (target.DialogId is { } other)
        {
            return dc.ReplaceDialogAsync(other, null, cancellationToken);
        }

        var next = document.Find(target.Value)
            ?? throw new StaleDialogStateException($"{target.Position}: the step « {target.Value} » does not exist.");
        return RunFromAsync(dc, instance, next.Index, values, cancellationToken);
    }
}
