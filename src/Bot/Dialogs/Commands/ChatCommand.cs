using System.CommandLine;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Commands;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Mail;

namespace SupportBot.Bot.Dialogs.Commands;

/// <summary>
/// <c>chat [--channel web|sms]</c>: talk to the bot in a terminal, like the Bot Framework Emulator. Each line read is
/// one message; the replies are printed with their choices. Piped, it prints only the replies.
/// </summary>
internal static class ChatCommand
{
    public static Command Create(Action<IServiceCollection> addServices, Terminal terminal)
    {
        var channel = new Option<string>("--channel")
        {
            Description = "web (Markdown, buttons) or sms (plain text, numbered choices).",
            DefaultValueFactory = _ => "web",
        };
        channel.AcceptOnlyFromAmong("web", "sms");
        var command = new Command("chat", "Talk to the bot on standard input / output, with the service's database and mail settings.") { channel };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(addServices, parse.GetValue(channel) == "sms" ? Channels.Sms : Channels.Web, terminal.Input, terminal.Output,
                terminal.InputIsPerson, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Action<IServiceCollection> addServices, string channel, TextReader input, TextWriter output,
        bool interactive, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = CommandHost.Build(addServices);
        }
        catch (Exception e) when (e is InvalidOperationException or AggregateException)
        {
            // Typically a missing registration (the language feature's recognizers) caught by the container's validation.
            await Console.Error.WriteLineAsync($"The bot's services cannot be built: {e.GetBaseException().Message}");
            return ExitCodes.InvalidConfiguration;
        }

        using var disposeHost = host;
        BotEngine engine;
        try
        {
            await host.Services.InitializeAccountDirectoryAsync(cancellationToken: cancellationToken);
            engine = host.Services.GetRequiredService<BotEngine>();
            host.Services.GetRequiredService<Stack.DialogSet>();
        }
        catch (DialogValidationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InvalidDialogs;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InvalidConfiguration;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"The bot's services cannot be built: {e.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        var user = channel == Channels.Sms ? "+33600000000" : "terminal";
        var conversation = channel == Channels.Sms ? user : "terminal-" + Guid.NewGuid().ToString("N")[..8];
        Activity New(string type, string? text = null) => new()
        {
            Type = type,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = channel,
            From = new ChannelAccount(user, "Parent", "user"),
            Recipient = new ChannelAccount("supportbot", "SupportBot", "bot"),
            Conversation = new ConversationAccount(conversation),
            Text = text,
            Locale = "fr-FR",
            MembersAdded = type == ActivityTypes.ConversationUpdate ? [new ChannelAccount(user)] : null,
        };

        if (channel == Channels.Web)
        {
            await PrintAsync(await engine.ProcessAsync(New(ActivityTypes.ConversationUpdate), cancellationToken: cancellationToken), output);
        }

        while (true)
        {
            if (interactive)
            {
                await output.WriteAsync("> ");
            }

            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return ExitCodes.Success;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            await PrintAsync(await engine.ProcessAsync(New(ActivityTypes.Message, line), cancellationToken: cancellationToken), output);

            // No mail worker runs without the service: the mail a turn asked for leaves now, as the service would send it.
            await host.Services.GetRequiredService<MailQueueWorker>().RunOnceAsync(cancellationToken);
        }
    }

    private static async Task PrintAsync(IReadOnlyList<Activity> replies, TextWriter output)
    {
        foreach (var reply in replies.Where(r => r.Type == ActivityTypes.Message))
        {
            await output.WriteLineAsync(reply.Text);
            if (reply.SuggestedActions is { Actions.Count: > 0 } actions)
            {
                await output.WriteLineAsync(string.Join("  ", actions.Actions.Select(a => $"[{a.Title}]")));
            }
        }

        await output.FlushAsync();
    }
}
