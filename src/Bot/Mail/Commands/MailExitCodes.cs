namespace SupportBot.Bot.Mail.Commands;

/// <summary>Exit codes of <c>mail queue</c>, for the operator's scripts and monitoring (also listed in its --help).</summary>
internal static class MailExitCodes
{
    /// <summary>Listed; no mail has failed.</summary>
    public const int Success = 0;

    /// <summary>Bad command line (System.CommandLine's own code for parse errors).</summary>
    public const int Usage = 1;

    /// <summary>Listed; some mails failed (given up): a monitoring script alerts on it.</summary>
    public const int SomeFailed = 2;

    /// <summary>The configuration is invalid (the key is named).</summary>
    public const int InvalidConfiguration = 4;

    /// <summary>The directory cannot be read (unreachable, locked): the message says why.</summary>
    public const int DirectoryFailure = 5;

    public const string HelpText = """
        Codes de sortie : 0 liste affichée, aucun courriel en échec · 1 ligne de commande incorrecte ·
        2 liste affichée, des courriels en échec (pour une alerte de supervision) · 4 configuration invalide ·
        5 annuaire illisible (injoignable, verrouillé).
        """;
}
