using System.CommandLine;

namespace SupportBot.Bot.Dialogs.Commands;

/// <summary>The dialog engine's command-line entry points: <c>chat</c> and <c>dialogs check</c>.</summary>
internal static class DialogCommands
{
    public static bool Handles(string[] args) => args is ["chat", ..] or ["dialogs", ..];

    /// <param name="addServices">The service's own registrations, so the chat runs on the same engine, database and mail.</param>
    public static Task<int> RunAsync(string[] args, Action<IServiceCollection> addServices, TextReader? input = null,
        TextWriter? output = null, TextWriter? error = null)
    {
        var root = new RootCommand("SupportBot: the dialog engine's tools.")
        {
            ChatCommand.Create(addServices, input ?? Console.In, output ?? Console.Out, input is null && !Console.IsInputRedirected),
            DialogsCheckCommand.Create(addServices, output ?? Console.Out, error ?? Console.Error),
        };
        var invocation = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        return root.Parse(args).InvokeAsync(invocation);
    }
}
