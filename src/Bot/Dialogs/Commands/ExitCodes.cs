namespace SupportBot.Bot.Dialogs.Commands;

/// <summary>Exit codes of <c>chat</c> and <c>dialogs check</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad command line (System.CommandLine's own code for parse errors).</summary>
    public const int Usage = 1;

    /// <summary>The files under dialogs/ are invalid (each problem printed with file:line).</summary>
    public const int InvalidDialogs = 3;

    /// <summary>The configuration is invalid (the key is named).</summary>
    public const int InvalidConfiguration = 4;
}
