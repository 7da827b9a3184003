using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// Asks, reads the answer, re-asks with the retry text until <see cref="PromptOptions.MaxAttempts"/> answers were
/// refused, then ends with <see cref="PromptResult.Failed"/>. Values are returned in a form the dialogs can keep
/// (strings, booleans, ISO dates). A message that holds, instead of an answer, a value the step listens for or one of
/// its intents ends the prompt too, for the step to decide. A dialog begun above the prompt (an interjection) asks the
/// question again when it ends.
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

        if (TakesPersonalData)
        {
            // Whatever it is (a name, a date, even an off-topic sentence), the answer to such a question stays out of the log.
            dc.Turn.PersonalValues.Add(Text(dc.Turn));
        }

        var instance = dc.ActiveDialog!;
        var state = State(instance);
        var attempt = state.Attempts + 1;
        var recognized = Recognize(dc.Turn, state.Options, Text(dc.Turn));
        if (recognized.Succeeded
            && (validator is null || await validator(new PromptValidatorContext<T>(dc.Turn, recognized, state.Options, attempt), cancellationToken)))
        {
            return await dc.EndDialogAsync(new PromptResult(true, recognized.Value) { Heard = Heard(dc.Turn, state.Options) }, cancellationToken);
        }

        if (Heard(dc.Turn, state.Options) is { } heard)
        {
            return await dc.EndDialogAsync(new PromptResult(false, null) { Heard = heard }, cancellationToken);
        }

        if (Said(dc.Turn, state.Options) is { } intent)
        {
            return await dc.EndDialogAsync(new PromptResult(false, null) { Intent = intent }, cancellationToken);
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

    /// <summary>A dialog said something above the prompt (« je ne peux pas vous aider pour cela ») and ended: the question again, attempts kept.</summary>
    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var state = State(dc.ActiveDialog!);
        await dc.Turn.SendAsync(state.Options.Prompt, Labels(state.Options), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public PromptReading Read(TurnContext turn, DialogInstance instance)
    {
        if (DialogContext.GetState<PromptState>(instance) is not { } state)
        {
            return PromptReading.Nothing;
        }

        var recognized = Recognize(turn, state.Options, Text(turn));
        return recognized switch
        {
            { Succeeded: true, Guess: true } => PromptReading.Guess,
            { Succeeded: true } => PromptReading.Answer,
            _ when Heard(turn, state.Options) is not null || Said(turn, state.Options) is not null => PromptReading.Answer,
            { Mistaken: true } => PromptReading.Mistaken,
            _ => PromptReading.Nothing,
        };
    }

    public PromptOptions? Options(DialogInstance instance) => DialogContext.GetState<PromptState>(instance)?.Options;

    /// <summary>The answer is what the parent gives of themselves (a name, a phone, an address, a date...), not a choice.</summary>
    protected virtual bool TakesPersonalData => typeof(T) == typeof(string);

    protected abstract Recognition<T> Recognize(TurnContext turn, PromptOptions options, string text);

    private static string Text(TurnContext turn) => (turn.Activity.Text ?? "").Trim();

    private PromptState State(DialogInstance instance) =>
        DialogContext.GetState<PromptState>(instance) ?? throw new StaleDialogStateException($"The prompt « {Id} » has no saved options.");

    private static IReadOnlyDictionary<string, string>? Heard(TurnContext turn, PromptOptions options) =>
        options.Hears is { Count: > 0 } hears ? turn.Reading?.Hear(hears) : null;

    private static string? Said(TurnContext turn, PromptOptions options) =>
        options.Intents is { Count: > 0 } intents && turn.Reading?.Intent is { IsUnsure: false, Intent: { } intent } && intents.Contains(intent)
            ? intent
            : null;

    private static IReadOnlyList<Declarative.MessageText>? Labels(PromptOptions options) =>
        options.Choices is { Count: > 0 } choices ? [.. choices.Select(c => c.Label)] : null;
}
