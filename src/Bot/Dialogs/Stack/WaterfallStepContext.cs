using System.Text.Json;

namespace SupportBot.Bot.Dialogs.Stack;

internal sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _dialog;
    private readonly DialogInstance _instance;
    private readonly Dictionary<string, JsonElement> _values;

    internal WaterfallStepContext(WaterfallDialog dialog, DialogContext dc, DialogInstance instance, int index,
        Dictionary<string, JsonElement> values, object? result)
    {
        _dialog = dialog;
        _instance = instance;
        _values = values;
        Context = dc;
        Index = index;
        Result = result;
    }

    public DialogContext Context { get; }

    public int Index { get; }

    /// <summary>The previous step's result, or the waterfall's options for the first step.</summary>
    public object? Result { get; }

    public T? Get<T>(string name) => _values.TryGetValue(name, out var value) ? value.Deserialize<T>() : default;

    /// <summary>Saves a value for the later steps (it is part of the saved state, so it survives a restart).</summary>
    public void Set<T>(string name, T value)
    {
        _values[name] = JsonSerializer.SerializeToElement(value);
        var state = DialogContext.GetState<WaterfallDialog.WaterfallState>(_instance)!;
        DialogContext.SetState(_instance, state with { Values = _values });
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, object options, CancellationToken cancellationToken = default) =>
        Context.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Skips to the next step without waiting for the parent.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default) =>
        _dialog.RunStepAsync(Context, _instance, Index + 1, _values, result, cancellationToken);

    public Task<DialogTurnResult> EndAsync(object? result = null, CancellationToken cancellationToken = default) =>
        Context.EndDialogAsync(result, cancellationToken);
}
