namespace SupportBot.Bot.Dialogs.Stack;

/// <summary>
/// A dialog on the Bot Framework's model: begun with options, continued by the parent's next message, resumed when the
/// dialog it started ends. Instances are shared by every conversation; what a conversation needs is in its stack.
/// </summary>
internal abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);
}
