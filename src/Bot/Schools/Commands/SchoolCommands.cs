using System.CommandLine;

namespace SupportBot.Bot.Schools.Commands;

/// <summary><c>schools import FILE</c> and <c>schools find</c>: the reference schools of the directory and the search the bot uses.</summary>
internal static class SchoolCommands
{
    public static bool Handles(string[] args) => args is ["schools", ..];

    /// <param name="addServices">The service's own registrations, so the commands work on the same directory.</param>
    public static Task<int> RunAsync(string[] args, Action<IServiceCollection> addServices, TextReader? input = null,
        TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var stdout = output ?? Console.Out;
        var stderr = error ?? Console.Error;
        var schools = new Command("schools", "Les écoles de l'annuaire : import de l'export officiel, recherche telle que l'assistant la fait.")
        {
            SchoolsImportCommand.Create(addServices, stdout, stderr, interactive: output is null && !Console.IsErrorRedirected),
            SchoolsFindCommand.Create(addServices, input ?? Console.In, stdout, stderr),
        };
        var root = new RootCommand("SupportBot") { schools };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }
}
