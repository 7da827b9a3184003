namespace SupportBot.Bot.Dialogs.Stack;

internal enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>A dialog waits for the parent's next message.</summary>
    Waiting,

    /// <summary>The last dialog of the stack ended.</summary>
    Complete,

    Cancelled,
}

internal sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);
}
