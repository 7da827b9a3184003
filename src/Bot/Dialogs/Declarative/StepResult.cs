namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>What a step did: it waits for the parent (a prompt is running), or it is done and names where to go (null: its default next).</summary>
internal sealed record StepResult(bool Waiting, Target? Next)
{
    public static StepResult Wait { get; } = new(true, null);

    public static StepResult Continue(Target? next = null) => new(false, next);
}
