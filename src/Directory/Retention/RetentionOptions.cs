using System.ComponentModel.DataAnnotations;

namespace SupportBot.AccountDirectory.Retention;

/// <summary>Configuration section <c>Retention</c>: how long parents' exchanges with the bot are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Conversations, dialog state, SMS and reset links older than this are deleted.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 30;

    /// <summary>
    /// How long after its last message a conversation is kept word for word: a page reloaded (or resumed, within
    /// <c>DirectLine:ResumeWindowHours</c>, 24 h by default) replays its history, Twilio's retries get their answer, an
    /// unfinished path goes on. Past it, the Direct Line history is deleted, the SMS answers are forgotten and the dialog
    /// state keeps only the references of the cases opened (for « où en est ma demande »).
    /// </summary>
    [Range(1, 24 * 30)]
    public int VerbatimHours { get; set; } = 24;

    /// <summary>
    /// A case treated this long ago is deleted with its history. Longer than <c>Cases:ClosedCasesShownDays</c> (30), so
    /// that the school still sees what it treated last month; until it is treated, a case is kept whole.
    /// </summary>
    [Range(1, 3650)]
    public int ClosedCaseDays { get; set; } = 60;

    /// <summary>How often the service purges.</summary>
    [Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 60;
}
