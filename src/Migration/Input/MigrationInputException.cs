namespace SupportBot.Migration.Input;

/// <summary>An input the program refuses as a whole; the message names the file (and line:column when known).</summary>
internal sealed class MigrationInputException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
