using System.ComponentModel.DataAnnotations;

namespace SupportBot.AccountDirectory.Cases;

/// <summary>Configuration section <c>Cases</c>: where cases go, the workspace links, and the limits.</summary>
public sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>The académie's assistance: receives the cases no school was found for, and the links to its queue.</summary>
    [EmailAddress]
    public string? AcademieEmail { get; set; }

    /// <summary>Opens the académie's queue (<c>/academie</c>) to whoever types it, besides the links mailed to <see cref="AcademieEmail"/>.</summary>
    [MinLength(16)]
    public string? AcademieSecret { get; set; }

    /// <summary>Staging: every mail meant for a school or the académie goes to this address instead, its subject naming the real recipient.</summary>
    [EmailAddress]
    public string? DirectorMailRedirect { get; set; }

    /// <summary>Key (at least 32 characters) signing the workspace links; shared by every instance. Unset: a random key in <see cref="KeyFile"/>.</summary>
    [MinLength(32)]
    public string? LinkSigningKey { get; set; }

    /// <summary>Defaults to <c>cases-signing.key</c> in the data folder.</summary>
    public string? KeyFile { get; set; }

    [Range(1, 90)]
    public int LinkLifetimeDays { get; set; } = 14;

    /// <summary>How long treated cases stay listed in a school's workspace.</summary>
    [Range(1, 365)]
    public int ClosedCasesShownDays { get; set; } = 30;

    /// <summary>Cases one conversation may open per <see cref="LimitWindowHours"/>.</summary>
    [Range(1, 1000)]
    public int CasesPerConversation { get; set; } = 3;

    /// <summary>Cases one sender (an SMS number, a Web Chat user) may open per window, across conversations.</summary>
    [Range(1, 1000)]
    public int CasesPerSender { get; set; } = 5;

    /// <summary>Cases one client address may open per window (a family, a school's or a library's shared connection).</summary>
    [Range(1, 100_000)]
    public int CasesPerClientAddress { get; set; } = 20;

    [Range(1, 24 * 30)]
    public int LimitWindowHours { get; set; } = 24;

    /// <summary>The same situation, child and school again within this window is merged into the first case.</summary>
    [Range(1, 24 * 30)]
    public int DuplicateWindowHours { get; set; } = 24;

    /// <summary>Mails one school's mailbox receives per hour at most; the others wait for the next hour (the cases are in the workspace at once).</summary>
    [Range(1, 10_000)]
    public int MailsPerSchoolPerHour { get; set; } = 20;

    [Range(1, 100_000)]
    public int MailsToAcademiePerHour { get; set; } = 200;

    /// <summary>Status questions (« où en est ma demande SB-... ? ») naming an unknown reference, per sender and per client address and hour.</summary>
    [Range(1, 10_000)]
    public int UnknownReferencesPerHour { get; set; } = 10;

    /// <summary>How often the dispatcher mails the cases still due and tells the parents of treated cases.</summary>
    [Range(1, 3600)]
    public int DispatchPollSeconds { get; set; } = 10;
}
