using System.Text.Json;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Stack;

/// <summary>Runs one turn of a dialog stack: begin, continue, resume (through end), replace and cancel-all.</summary>
internal sealed class DialogContext(DialogSet dialogs, TurnContext turn, List<DialogInstance> stack)
{
    private static readonly JsonSerializerOptions StateJson = ActivityJson.Options;

    public TurnContext Turn => turn;

    public DialogSet Dialogs => dialogs;

    public IReadOnlyList<DialogInstance> Stack => stack;

    public DialogInstance? ActiveDialog => stack.Count > 0 ? stack[^1] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string id, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = dialogs.Find(id) ?? throw new InvalidOperationException($"The dialog « {id} » is not registered.");
        stack.Add(new DialogInstance { Id = id });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    /// <summary>Hands the parent's message to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active)
        {
            return DialogTurnResult.Empty;
        }

        return await Find(active.Id).ContinueAsync(this, cancellationToken);
    }

    /// <summary>Pops the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }

        if (ActiveDialog is { } parent)
        {
            return await Find(parent.Id).ResumeAsync(this, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog without resuming its parent and starts <paramref name="id"/> in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string id, object? options = null, CancellationToken cancellationToken = default)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }

        return BeginDialogAsync(id, options, cancellationToken);
    }

    public Task<DialogTurnResult> CancelAllDialogsAsync()
    {
        var had = stack.Count > 0;
        stack.Clear();
        return Task.FromResult(had ? new DialogTurnResult(DialogTurnStatus.Cancelled) : DialogTurnResult.Empty);
    }

    /// <summary>The typed state of <paramref name="instance"/>; a state this version cannot read is stale, not a crash.</summary>
    public static T? GetState<T>(DialogInstance instance) where T : class
    {
        if (instance.State is not { } json)
        {
            return null;
        }

        try
        {
            return json.Deserialize<T>(StateJson);
        }
        catch (JsonException e)
        {
            throw new StaleDialogStateException($"The saved state of « {instance.Id} » cannot be read: {e.Message}");
        }
    }

    public static void SetState<T>(DialogInstance instance, T state) where T : class =>
        instance.State = JsonSerializer.SerializeToElement(state, StateJson);

    private Dialog Find(string id) =>
        dialogs.Find(id) ?? throw new StaleDialogStateException($"The saved stack names the dialog « {id} », which no longer exists.");
}
