using System.CommandLine;
using SupportBot.Bot.Dialogs.Commands;
using SupportBot.Bot.Language;
using SupportBot.Bot.Mail.Commands;
using SupportBot.Bot.Schools.Commands;

namespace SupportBot.Bot.Commands;

/// <summary>
/// The program's one command line: without a sub-command it is the service, and every argument it does not know is
/// ASP.NET Core's (<c>--urls</c>, <c>--environment</c>, <c>--contentRoot</c>, <c>Key=Value</c>, <c>--Key value</c>);
/// <c>chat</c>, <c>dialogs</c>, <c>nlu</c>, <c>schools</c> and <c>mail</c> are the operators' tools, on the service's own settings.
/// </summary>
internal static class BotCommandLine
{
    /// <summary>Starts the service with the arguments meant for ASP.NET Core; <paramref name="seedDemo"/> loads the demo data first.</summary>
    public delegate Task<int> ServiceStart(string[] hostArgs, bool seedDemo);

    /// <param name="addServices">The service's own registrations, so that the tools run on its engine, database and mail.</param>
    /// <param name="startService">The service itself; without it (the tests), a sub-command is required.</param>
    public static Task<int> RunAsync(string[] args, Action<IServiceCollection> addServices, Terminal terminal, ServiceStart? startService = null,
        CancellationToken cancellationToken = default)
    {
        var seedDemo = new Option<bool>("--seed-demo")
        {
            Description = "Load the demo accounts and schools into the directory (whatever its database) before serving.",
            Arity = ArgumentArity.Zero,
        };
        var root = new RootCommand("""
            SupportBot: the parents' support assistant (Web Chat, SMS, Azure Bot Service) and its operators' tools.
            Without a command, starts the service: settings from appsettings.json, environment variables (Directory__Provider=...)
            and ASP.NET Core's arguments (--urls http://localhost:5080, --environment Development, --contentRoot DIR, Key=Value).
            """)
        {
            seedDemo,
            ChatCommand.Create(addServices, terminal),
            DialogsCheckCommand.Create(addServices, terminal),
            NluCommand.Create(terminal),
            SchoolCommands.Create(addServices, terminal),
            MailCommands.Create(addServices, terminal),
        };
        // ASP.NET Core reads its own arguments: the service's only parse is its own.
        root.TreatUnmatchedTokensAsErrors = false;
        if (startService is not null)
        {
            root.SetAction(async parse =>
            {
                if (Stray(parse.UnmatchedTokens) is { } word)
                {
                    await terminal.Error.WriteLineAsync($"Unknown command « {word} »: the commands are chat, dialogs, nlu, schools and mail (--help).");
                    return ExitCodes.Usage;
                }

                return await startService([.. parse.UnmatchedTokens], parse.GetValue(seedDemo));
            });
        }

        var parsed = root.Parse(args);
        if (parsed.CommandResult.Command != root && parsed.UnmatchedTokens.Count > 0)
        {
            // The setting holds for the whole line: a tool's unknown option or word is a mistake, reported with its usage.
            root.TreatUnmatchedTokensAsErrors = true;
            parsed = root.Parse(args);
        }

        var invocation = new InvocationConfiguration { Output = terminal.Output, Error = terminal.Error };
        if (parsed.Action is { } action && action == root.Action)
        {
            // The service stops on SIGTERM through its host (graceful, exit code 0), and a start-up failure ends the process
            // with its exception as an unhandled one does: the command line takes neither.
            invocation.ProcessTerminationTimeout = null;
            invocation.EnableDefaultExceptionHandler = false;
        }

        return parsed.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>
    /// A bare word that is neither <c>Key=Value</c> nor the value of the option before it: a mistyped command
    /// (<c>dialog check</c>), which ASP.NET Core would silently ignore and start the service instead.
    /// </summary>
    private static string? Stray(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var isOption = tokens[i].StartsWith('-') || tokens[i].StartsWith('/');
            var isValue = i > 0 && (tokens[i - 1].StartsWith('-') || tokens[i - 1].StartsWith('/')) && !tokens[i - 1].Contains('=');
            if (!isOption && !isValue && !tokens[i].Contains('='))
            {
                return tokens[i];
            }
        }

        return null;
    }
}
