namespace SupportBot.AccountDirectory.Mail;

/// <summary>
/// A mail sent to an institution's mailbox (a school, the académie), kept a short while to cap how many one mailbox
/// receives per hour, whichever instance sends. Holds no address and no content.
/// </summary>
public sealed class SentMail
{
    public long Id { get; set; }

    /// <summary><c>ecole:&lt;UAI&gt;</c> or <c>academie</c>.</summary>
    public required string Scope { get; set; }

    /// <summary>What the mail was (dossier, lien-espace...).</summary>
    public required string Purpose { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
