namespace SupportBot.AccountDirectory.Mail;

/// <summary>
/// A mail a parent asked for (their identifier, a reset link), waiting in the directory's database for the mail worker.
/// The row holds the request, not the mail: the worker looks the account up and writes the mail, so the parent's turn
/// does the same work whether or not an account exists. Sent or found to have no account, the row is deleted; failed,
/// it keeps only the masked target.
/// </summary>
public sealed class QueuedMail
{
    public long Id { get; set; }

    /// <summary>What to send (the dialog action's name: envoyer-identifiant, envoyer-lien); the worker's composer for it writes the mail.</summary>
    public required string Purpose { get; set; }

    /// <summary>What the parent gave (an address, an identifier), normalized; in clear only while the mail waits, null once failed.</summary>
    public string? Target { get; set; }

    /// <summary>The target as operators see it (v***@example.fr, v.***).</summary>
    public required string MaskedTarget { get; set; }

    public QueuedMailStatus Status { get; set; }

    /// <summary>Attempts started, counted when a worker claims the row (a worker that dies mid-send has used one).</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set by the worker that sends it, until then: no other worker takes the row before this lease lapses.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Why the last attempt failed: an error kind and the SMTP status, never a server's text (it may quote the address).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? FailedAt { get; set; }
}
