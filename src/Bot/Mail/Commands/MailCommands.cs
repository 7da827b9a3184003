using System.CommandLine;

namespace SupportBot.Bot.Mail.Commands;

/// <summary><c>mail queue</c>: the mails the service owes parents, for the operators.</summary>
internal static class MailCommands
{
    public static bool Handles(string[] args) => args is ["mail", ..];

    /// <param name="addServices">The service's own registrations, so the command reads the service's directory.</param>
    /// <param name="interactive">A person reads the output (a header and a summary); piped, only the rows. Default: standard output is a terminal.</param>
    public static Task<int> RunAsync(string[] args, Action<IServiceCollection> addServices, TextWriter? output = null, TextWriter? error = null,
        bool? interactive = null, CancellationToken cancellationToken = default)
    {
        var stdout = output ?? Console.Out;
        var stderr = error ?? Console.Error;
        var mail = new Command("mail", "Les courriels que le service envoie aux parents (identifiant, lien de réinitialisation).")
        {
            MailQueueCommand.Create(addServices, stdout, stderr, interactive ?? (output is null && !Console.IsOutputRedirected)),
        };
        var root = new RootCommand("SupportBot") { mail };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }
}
