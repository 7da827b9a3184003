namespace SupportBot.AccountDirectory.Cases;

/// <summary>What anyone holding a reference may learn: where the case stands and since when, nothing personal.</summary>
public sealed record CaseStatus(string Reference, DirectorCaseStatus Status, bool HasSchool, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt);
