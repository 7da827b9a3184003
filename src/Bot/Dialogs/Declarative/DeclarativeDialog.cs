using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// Runs one dialog file: steps in order, following their targets, waiting while a prompt asks. Its saved state is
/// the current step's id, the values collected, and the values heard that a <c>when-given</c> may still route on, so
/// a restarted service resumes at the same step.
/// </summary>
internal sealed class DeclarativeDialog(DialogDocument document, DialogCatalog catalog) : Dialog(document.Id)
{
    internal sealed record DeclarativeState(string Step, Dictionary<string, string> Values, Dictionary<string, string>? Heard = null);

    public DialogDocument Document => document;

    /// <param name="options">
    /// Values already known, which the dialog's questions do not ask again: named (a reference the parent named), or
    /// <see cref="HeardValues"/> from the parent's message, each kept under the name of the first question asking for it.
    /// </param>
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var values = options is IReadOnlyDictionary<string, string> known ? new Dictionary<string, string>(known) : [];
        var heard = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options is HeardValues given)
        {
            foreach (var (prompt, value) in given.ByPrompt.Where(h => document.Hears.Contains(h.Key)))
            {
                heard[prompt] = value;
                if (document.FirstAsk(prompt) is { } asked)
                {
                    values.TryAdd(asked.Into, value);
                }
            }
        }

        if (document.Intents.Any(i => !SubjectReader.SmallTalk.Contains(i)))
        {
            dc.Turn.Conversation.Topic = Id;
        }

        return RunFromAsync(dc, dc.ActiveDialog!, 0, values, heard, cancellationToken);
    }

    /// <summary>A message with no prompt running (not expected): ask the current step again.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var (instance, state, step) = Current(dc);
        return RunFromAsync(dc, instance, step.Index, state.Values, state.Heard ?? [], cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var (instance, state, step) = Current(dc);
        var heard = state.Heard ?? [];
        var outcome = await step.Kind.ResumeAsync(Run(dc, step, state.Values, heard), result as PromptResult, cancellationToken);
        DialogContext.SetState(instance, State(step, state.Values, heard));
        return await FollowAsync(dc, instance, step, outcome, state.Values, heard, cancellationToken);
    }

    // Most dialogs hear nothing: no empty object in every saved state.
    private static DeclarativeState State(StepNode step, Dictionary<string, string> values, Dictionary<string, string> heard) =>
        new(step.Id, values, heard.Count > 0 ? heard : null);

    private StepRun Run(DialogContext dc, StepNode step, Dictionary<string, string> values, Dictionary<string, string> heard) =>
        new(dc, step, values, heard, document, catalog);

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
        Dictionary<string, string> values, Dictionary<string, string> heard, CancellationToken cancellationToken)
    {
        if (index >= document.Steps.Count)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        var step = document.Steps[index];
        if (step.Channel is { } only && Channels.IsSms(only) != dc.Turn.IsSms)
        {
            return await FollowAsync(dc, instance, step, StepResult.Continue(step.Next ?? NextStep(step)), values, heard, cancellationToken);
        }

        // Saved before a step that asks runs: the prompt it begins sits above this instance, which must already name the
        // step; and again if it waits, with what it changed. A step that goes on is not saved: the step it goes to is
        // (the state is written as JSON, a few microseconds each time: a turn runs several steps).
        if (step.Kind.Waits)
        {
            DialogContext.SetState(instance, State(step, values, heard));
        }

        var outcome = await step.Kind.RunAsync(Run(dc, step, values, heard), cancellationToken);
        if (outcome.Waiting)
        {
            DialogContext.SetState(instance, State(step, values, heard));
        }

        return await FollowAsync(dc, instance, step, outcome, values, heard, cancellationToken);
    }

    private Task<DialogTurnResult> FollowAsync(DialogContext dc, DialogInstance instance, StepNode step, StepResult outcome,
        Dictionary<string, string> values, Dictionary<string, string> heard, CancellationToken cancellationToken)
    {
        if (outcome.Waiting)
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        var target = outcome.Next ?? step.Next;
        if (target is null)
        {
            return RunFromAsync(dc, instance, step.Kind.FallsThrough ? step.Index + 1 : document.Steps.Count, values, heard, cancellationToken);
        }

        if (target.IsEnd)
        {
            return dc.EndDialogAsync(null, cancellationToken);
        }

        if (target.DialogId is { } other)
        {
            return dc.ReplaceDialogAsync(other, outcome.Carry is { Count: > 0 } carry ? new HeardValues(carry) : null, cancellationToken);
        }

        var next = document.Find(target.Value)
            ?? throw new StaleDialogStateException($"{target.Position}: the step « {target.Value} » does not exist.");
        return RunFromAsync(dc, instance, next.Index, values, heard, cancellationToken);
    }
}
