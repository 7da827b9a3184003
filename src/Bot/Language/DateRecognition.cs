namespace SupportBot.Bot.Language;

public enum DateProblem
{
    None,

    /// <summary>No date in the text.</summary>
    NotFound,

    /// <summary>A date that does not exist (31/02, month 13, 29/02 of a non-leap year).</summary>
    Impossible,

    /// <summary>A birth date after today.</summary>
    Future,

    /// <summary>Month and year, or day and month, without the rest.</summary>
    Incomplete,
}

/// <summary>A date read from French text: <see cref="Date"/> is set only when <see cref="Problem"/> is None.</summary>
public sealed record DateRecognition(DateOnly? Date, DateProblem Problem);
