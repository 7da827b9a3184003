using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Dialogs;

/// <summary>Configuration section <c>Dialogs</c>.</summary>
internal sealed class DialogsOptions
{
    public const string Section = "Dialogs";

    /// <summary>The dialogs folder; a relative path is looked up from the working directory, then beside the program.</summary>
    [Required]
    public string Folder { get; set; } = "dialogs";

    /// <summary>The address parents and directors reach the service at, for the links in e-mails; unset: the address the service listens on.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Account look-ups (e-mail or identifier) one conversation may make per window.</summary>
    [Range(1, 1000)]
    public int LookupsPerConversation { get; set; } = 5;

    /// <summary>Account look-ups one sender (a phone number, a Web Chat user) may make per window, across conversations.</summary>
    [Range(1, 10000)]
    public int LookupsPerSender { get; set; } = 10;

    /// <summary>
    /// Account look-ups one client address (the HTTP client of Web Chat's requests) may make per window, across all its
    /// conversations and tokens. Parents behind one school's or one mobile operator's address share it: higher than per sender.
    /// </summary>
    [Range(1, 1_000_000)]
    public int LookupsPerClientAddress { get; set; } = 20;

    /// <summary>
    /// Look-ups of one target (the same e-mail address or identifier) per window, whoever asks and from wherever: it
    /// bounds the mails one mailbox can be sent through the bot, which limits per asker cannot when askers are many.
    /// </summary>
    [Range(1, 1_000_000)]
    public int LookupsPerTarget { get; set; } = 3;

    [Range(1, 7 * 24 * 60)]
    public int LookupWindowMinutes { get; set; } = 60;

    public string ResolveFolder()
    {
        if (Path.IsPathRooted(Folder) || System.IO.Directory.Exists(Folder))
        {
            return Path.GetFullPath(Folder);
        }

        return Path.Combine(AppContext.BaseDirectory, Folder);
    }
}
