using SupportBot.AccountDirectory.Schools;

namespace SupportBot.AccountDirectory.Cases;

/// <summary>Something that happened to a case: who acted (the bot, a school, the académie), when, and their note.</summary>
public sealed class DirectorCaseEvent
{
    public long Id { get; set; }

    public int DirectorCaseId { get; set; }

    public DateTimeOffset At { get; set; }

    public DirectorCaseEventType Type { get; set; }

    /// <summary>The school concerned: the one that acted, or the one the case was sent or assigned to.</summary>
    public int? SchoolId { get; set; }

    public School? School { get; set; }

    /// <summary>The director's message, the reason of a refusal, the parent's words routed to the académie.</summary>
    public string? Note { get; set; }
}
