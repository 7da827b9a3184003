using SupportBot.Bot.Dialogs.Activities;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// Asks, reads the answer, re-asks with the retry text until <see cref="PromptOptions.MaxAttempts"/> answers were
/// refused, then ends with <see cref="PromptResult.Failed"/>. Values are returned in a form the dialogs can keep
/// (strings, booleans, ISO dates).
/// </summary>
internal abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id), IPrompt
{
    internal sealed record PromptState(PromptOptions Options, int Attempts);

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"The prompt « {Id} » needs {nameof(PromptOptions)}.", nameof(options));
        DialogContext.SetState(dc.ActiveDialog!, new PromptState(promptOptions, 0));
        await dc.Turn.SendAsync(promptOptions.Prompt, Labels(promptOptions), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Turn.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        var state = DialogContext.GetState<PromptState>(instance)
            ?? throw new StaleDialogStateException($"The prompt « {Id} » has no saved options.");
        var attempt = state.Attempts + 1;
        var recognized = Recognize(dc.Turn, state.Options, (dc.Turn.Activity.Text ?? "").Trim());
        if (recognized.Succeeded
            && (validator is null || await validator(new PromptValidatorContext<T>(dc.Turn, recognized, state.Options, attempt), cancellationToken)))
        {
            return await dc.EndDialogAsync(new PromptResult(true, recognized.Value), cancellationToken);
        }

        if (attempt >= state.Options.MaxAttempts)
        {
            return await dc.EndDialogAsync(PromptResult.Failed, cancellationToken);
        }

        DialogContext.SetState(instance, state with { Attempts = attempt });
        var retry = (recognized.Problem is { } problem ? state.Options.Retries?.GetValueOrDefault(problem) : null)
            ?? state.Options.Retry ?? state.Options.Prompt;
        await dc.Turn.SendAsync(retry, Labels(state.Options), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public bool Recognizes(TurnContext turn, DialogInstance instance) =>
        DialogContext.GetState<PromptState>(instance) is { } state && Recognize(turn, state.Options, (turn.Activity.Text ?? "").Trim()).Succeeded;

    protected abstract Recognition<T> Recognize(TurnContext turn, PromptOptions options, string text);

    private static IReadOnlyList<Declarative.MessageText>? Labels(PromptOptions options) =>
        options.Choices is { Count: > 0 } choices ? [.. choices.Select(c => c.Label)] : null;
}
