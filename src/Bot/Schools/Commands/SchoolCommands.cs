using System.CommandLine;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Schools.Commands;

/// <summary><c>schools import FILE</c> and <c>schools find</c>: the reference schools of the directory and the search the bot uses.</summary>
internal static class SchoolCommands
{
    /// <param name="addServices">The service's own registrations, so the commands work on the same directory.</param>
    public static Command Create(Action<IServiceCollection> addServices, Terminal terminal) =>
        new("schools", "Les écoles de l'annuaire : import de l'export officiel, recherche telle que l'assistant la fait.")
        {
            // The progress line goes to standard error, so it is drawn when a person reads that.
            SchoolsImportCommand.Create(addServices, terminal.Output, terminal.Error, interactive: terminal.ErrorIsPerson),
            SchoolsFindCommand.Create(addServices, terminal),
        };
}
