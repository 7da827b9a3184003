namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// What a step did: it waits for the parent (a prompt is running), or it is done and names where to go (null: its
/// default next). <see cref="Carry"/>: values heard (prompt id → value) handed to the dialog the target starts.
/// </summary>
internal sealed record StepResult(bool Waiting, Target? Next, IReadOnlyDictionary<string, string>? Carry = null)
{
    public static StepResult Wait { get; } = new(true, null);

    public static StepResult Continue(Target? next = null, IReadOnlyDictionary<string, string>? carry = null) => new(false, next, carry);
}
