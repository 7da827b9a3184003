using System.CommandLine;

namespace SupportBot.Bench.DirectLine;

/// <summary><c>directline --url U --secret S --conversations N [--rounds R] [--script "a|b|c"]</c>, against a running service.</summary>
internal static class DirectLineLoadCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The running service.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var secret = new Option<string?>("--secret")
        {
            Description = "The service's DirectLine:Secret (conversations are opened with it, as a site's back end would, without the page's rate limit). Default: $DirectLine__Secret.",
        };
        var conversations = new Option<int>("--conversations") { Description = "Concurrent conversations.", DefaultValueFactory = _ => 50 };
        var rounds = new Option<int>("--rounds") { Description = "How many times each conversation plays the script.", DefaultValueFactory = _ => 3 };
        var script = new Option<string>("--script")
        {
            Description = "The parent's messages, separated by |.",
            DefaultValueFactory = _ => "bonjour|où trouver modulo sur toutatice ?|merci",
        };
        var transport = new Option<string>("--transport")
        {
            Description = "How replies are read, as Web Chat does: websocket (its default) or polling.",
            DefaultValueFactory = _ => "polling",
        };
        transport.AcceptOnlyFromAmong("polling", "websocket");
        var command = new Command("directline", "Direct Line load from a second process over loopback: turns per second and p50/p99 latency (POST the message, then GET until the reply or read it from the WebSocket stream).")
        {
            url, secret, conversations, rounds, script, transport,
        };
        command.SetAction(async (parse, _) =>
        {
            var key = parse.GetValue(secret) ?? Environment.GetEnvironmentVariable("DirectLine__Secret");
            if (string.IsNullOrEmpty(key))
            {
                await Console.Error.WriteLineAsync("directline: --secret (or DirectLine__Secret) is required.");
                return 2;
            }

            if (parse.GetValue(conversations) < 1 || parse.GetValue(rounds) < 1)
            {
                await Console.Error.WriteLineAsync("--conversations and --rounds must be at least 1.");
                return 2;
            }

            return await DirectLineLoad.RunAsync(parse.GetValue(url)!, key, parse.GetValue(conversations), parse.GetValue(rounds),
                parse.GetValue(script)!.Split('|'), parse.GetValue(transport) == "websocket");
        });
        return command;
    }
}
