namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>One loaded step: its kind's typed configuration and the position of its first line.</summary>
internal sealed class StepNode
{
    public required string Id { get; init; }

    public required IStepKind Kind { get; init; }

    public required SourcePosition Position { get; init; }

    public required int Index { get; init; }

    /// <summary>The explicit <c>next:</c>, else the step below (for kinds that fall through).</summary>
    public Target? Next { get; init; }

    /// <summary><c>channel: web|sms</c>: the step runs on that channel only; elsewhere it is skipped (to its <c>next</c>, else the step below).</summary>
    public string? Channel { get; init; }

    /// <summary>The kind's parsed configuration (its own record type).</summary>
    public required object Config { get; init; }

    /// <summary>Every target the step can go to, for the reference and reachability checks.</summary>
    public required IReadOnlyList<Target> Targets { get; init; }
}
