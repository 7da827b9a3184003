using System.CommandLine;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Mail.Commands;

/// <summary><c>mail queue</c>: the mails the service owes parents, for the operators.</summary>
internal static class MailCommands
{
    /// <param name="addServices">The service's own registrations, so the command reads the service's directory.</param>
    public static Command Create(Action<IServiceCollection> addServices, Terminal terminal) =>
        new("mail", "Les courriels que le service envoie aux parents (identifiant, lien de réinitialisation).")
        {
            // A person reading gets a header and a summary; piped, only the rows.
            MailQueueCommand.Create(addServices, terminal.Output, terminal.Error, interactive: terminal.OutputIsPerson),
        };
}
