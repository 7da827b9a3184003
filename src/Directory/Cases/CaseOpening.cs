namespace SupportBot.AccountDirectory.Cases;

public enum CaseOpeningOutcome
{
    Opened,

    /// <summary>The same situation, child and school within the duplicate window: the parent gets the first case's reference.</summary>
    Merged,

    /// <summary>The conversation, the sender or the client address opened as many cases as allowed: nothing written.</summary>
    Limited,
}

/// <summary>What <see cref="DirectorCaseService.OpenAsync"/> did; <see cref="Case"/> is null when limited.</summary>
public sealed record CaseOpening(CaseOpeningOutcome Outcome, DirectorCase? Case);
