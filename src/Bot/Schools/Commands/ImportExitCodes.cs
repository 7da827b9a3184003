namespace SupportBot.Bot.Schools.Commands;

/// <summary>Exit codes of <c>schools import</c>, for the operator's scripts (also listed in its --help).</summary>
internal static class ImportExitCodes
{
    public const int Success = 0;

    /// <summary>Bad command line (System.CommandLine's own code for parse errors).</summary>
    public const int Usage = 1;

    /// <summary>The file cannot be read, or is not the annuaire's export (header, encoding): nothing was written.</summary>
    public const int UnreadableFile = 2;

    /// <summary>Some rows were rejected (each printed as file:line: reason); the others were imported.</summary>
    public const int RowsRejected = 3;

    /// <summary>The configuration is invalid (the key is named), or a dry run finds the directory's schema out of date.</summary>
    public const int InvalidConfiguration = 4;

    /// <summary>The directory failed (unreachable, locked, its folder not writable, disk full): the message says what; batches already written stay, running again finishes the work.</summary>
    public const int DirectoryFailure = 5;

    public const string HelpText = """
        Codes de sortie : 0 terminé · 1 ligne de commande incorrecte · 2 fichier illisible ou qui n'est pas l'export de l'annuaire (rien n'est écrit) ·
        3 des lignes rejetées (listées fichier:ligne), les autres importées · 4 configuration invalide ·
        5 erreur de la base (injoignable, verrouillée, dossier interdit...) : relancer la même commande termine le travail.
        """;
}
