using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Activities;
using Activity = SupportBot.Bot.Activities.Activity;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bench.Turns;

/// <summary>Plays N scripted conversations (lost identifier, or two subjects) through <see cref="BotEngine"/> and prints one JSON line.</summary>
internal static class TurnsBenchmark
{
    // Until the JIT has promoted EF Core's and the engine's hot paths to optimised code (tiered compilation), a turn
    // costs several times its steady-state price: warm up for a fixed time, not a fixed count.
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    public const string LostIdentifier = "lost-identifier";
    public const string TwoSubjects = "two-subjects";

    private static readonly (string Text, string Expected)[] LostIdentifierTurns =
    [
        ("j'ai oublié mon identifiant", "adresse électronique"),
        ("valery.durant@example.fr", "Si un compte est rattaché"),
        ("non merci", "bonne journée"),
    ];

    // Every message read for values and clauses: three clauses (one only giving the address), two paths, « oui » and an identifier.
    private static readonly (string Text, string Expected)[] TwoSubjectsTurns =
    [
        ("j'ai oublié mon identifiant et mon mot de passe, mon adresse c'est valery.durant@example.fr", "Vous parliez aussi de"),
        ("oui", "Connaissez-vous votre identifiant"),
        ("oui c'est v.durant1", "J'ai noté l'identifiant v.durant1."),
        ("non", "autre chose"),
        ("ok merci c bon j'ai trouvé", "bonne journée"),
    ];

    public static async Task<int> RunAsync(int conversations, bool sqlite, string conversation, int parallel, CancellationToken cancellationToken)
    {
        var script = conversation == TwoSubjects ? TwoSubjectsTurns : LostIdentifierTurns;
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var services = Build(folder, sqlite);
            await services.InitializeAccountDirectoryAsync(seedDemo: true, cancellationToken);
            var engine = services.GetRequiredService<BotEngine>();

            var warming = Stopwatch.StartNew();
            for (var i = 0; warming.Elapsed < Warmup; i++)
            {
                await PlayAsync(engine, script, "warmup-" + i, cancellationToken);
            }

            var done = 0;
            var progress = Console.IsErrorRedirected ? null : StartProgress(() => Volatile.Read(ref done), conversations);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, conversations, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    await PlayAsync(engine, script, "c" + i, ct);
                    Interlocked.Increment(ref done);
                });
            clock.Stop();
            progress?.Dispose();

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var turns = conversations * script.Length;

            // On a shared machine wall-clock rates vary with the neighbours' load; CPU time spent by this process varies less.
            Console.Error.WriteLine($"cpu_seconds={cpu.TotalSeconds:F3} turns_per_cpu_s={turns / cpu.TotalSeconds:F0}");
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                conversations,
                turns,
                seconds = Math.Round(seconds, 3),
                turns_per_s = Math.Round(turns / seconds, 1),
            }));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    private static ServiceProvider Build(string folder, bool sqlite)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["DialogState:Store"] = sqlite ? "Database" : "Memory",
            ["Dialogs:Folder"] = FindDialogs(),
            ["Dialogs:LookupsPerSender"] = "10000",
            ["Dialogs:LookupsPerTarget"] = "1000000",
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddAccountDirectory()
            .AddLanguageUnderstanding()
            .AddSingleton<IMailSender, NullMailSender>()
            .AddDialogEngine()
            .BuildServiceProvider();
    }

    private static async Task PlayAsync(BotEngine engine, (string Text, string Expected)[] script, string id, CancellationToken cancellationToken)
    {
        foreach (var (text, expected) in script)
        {
            await TurnAsync(engine, id, text, expected, cancellationToken);
        }
    }

    private static async Task TurnAsync(BotEngine engine, string id, string text, string expected, CancellationToken cancellationToken)
    {
        var replies = await engine.ProcessAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "webchat",
            From = new ChannelAccount("u-" + id),
            Recipient = new ChannelAccount("supportbot"),
            Conversation = new ConversationAccount(id),
            Text = text,
        }, cancellationToken: cancellationToken);

        // A benchmark of wrong answers measures nothing: stop at the first one.
        if (!replies.Any(r => r.Text?.Contains(expected, StringComparison.Ordinal) == true))
        {
            throw new InvalidOperationException($"Conversation {id}: « {text} » was answered « {string.Join(" | ", replies.Select(r => r.Text))} ».");
        }
    }

    private static IDisposable StartProgress(Func<int> done, int total)
    {
        var clock = Stopwatch.StartNew();
        return new Timer(_ =>
        {
            var count = done();
            var rate = count / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            var eta = rate > 0 ? TimeSpan.FromSeconds((total - count) / rate) : TimeSpan.Zero;
            Console.Error.Write($"\r{count}/{total} conversations, {rate * 3:F0} turns/s, ETA {eta:mm\\:ss}   ");
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private static string FindDialogs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
            {
                return Path.Combine(dir.FullName, "dialogs");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "dialogs");
    }
}
