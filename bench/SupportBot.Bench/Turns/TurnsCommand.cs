using System.CommandLine;

namespace SupportBot.Bench.Turns;

/// <summary><c>turns --conversations N --state memory|sqlite [--conversation lost-identifier|two-subjects] [--parallel P]</c>.</summary>
internal static class TurnsCommand
{
    public static Command Create()
    {
        var conversations = new Option<int>("--conversations")
        {
            Description = "How many three-turn lost-identifier conversations to play.",
            DefaultValueFactory = _ => 2000,
        };
        var state = new Option<string>("--state")
        {
            Description = "Where dialog state lives: memory, or sqlite (the directory's database, as in production).",
            DefaultValueFactory = _ => "memory",
        };
        state.AcceptOnlyFromAmong("memory", "sqlite");
        var conversation = new Option<string>("--conversation")
        {
            Description = "lost-identifier: three turns, each answering the question asked (the default). two-subjects: five turns whose "
                + "first message asks for two paths and gives an address, then « oui c'est v.durant1 » at a yes/no question.",
            DefaultValueFactory = _ => TurnsBenchmark.LostIdentifier,
        };
        conversation.AcceptOnlyFromAmong(TurnsBenchmark.LostIdentifier, TurnsBenchmark.TwoSubjects);
        var parallel = new Option<int>("--parallel")
        {
            Description = "Conversations played at once (default 1: one after the other, like a single-threaded bot).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("turns", "Dialog engine throughput: ask the e-mail, answer, decline « autre chose ? », in-process, mail to a null transport.")
        {
            conversations, state, conversation, parallel,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(conversations) < 1 || parse.GetValue(parallel) < 1)
            {
                await Console.Error.WriteLineAsync("--conversations and --parallel must be at least 1.");
                return 1;
            }

            return await TurnsBenchmark.RunAsync(parse.GetValue(conversations), parse.GetValue(state) == "sqlite", parse.GetValue(conversation)!,
                parse.GetValue(parallel), cancellationToken);
        });
        return command;
    }
}
