namespace SupportBot.Migration;

/// <summary>The program's exit codes, for the operator's scripts (also listed in the root command's --help).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected failure (database unreachable, disk full...): the message says what.</summary>
    public const int Failure = 1;

    /// <summary>Wrong command line (System.CommandLine's own parse errors also return it).</summary>
    public const int Usage = 2;

    /// <summary>An input file is not well-formed XML; nothing was written. The message names file:line:column.</summary>
    public const int MalformedInput = 3;

    /// <summary>An input is refused as a whole (missing files, wrong root element, unknown encoding, no UAJ).</summary>
    public const int UnsupportedInput = 4;

    /// <summary>The configuration (appsettings.json, environment variables) is invalid; the message names the key.</summary>
    public const int InvalidConfiguration = 5;

    /// <summary>
    /// A unique index of the directory set aside during the write could not be built again (rows collide): the message
    /// names the index and the colliding rows; the directory must not be used until the backup is restored or the rows fixed.
    /// </summary>
    public const int IndexRebuildFailed = 6;

    /// <summary>Stopped by Ctrl+C; what was committed stays, and the next run resumes.</summary>
    public const int Interrupted = 130;

    public const string HelpText = """
        Codes de sortie : 0 terminé · 1 erreur inattendue · 2 ligne de commande incorrecte · 3 XML mal formé (rien n'est écrit) ·
        4 entrée refusée (fichiers absents, racine ou encodage inattendus) · 5 configuration invalide · 6 index de l'annuaire impossible à recréer (doublons) · 130 interrompu (relancer pour reprendre).
        """;
}
