using SupportBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;
using SupportBot.Bot.Mail;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>
/// The engine as the service builds it (AddAccountDirectory + AddDialogEngine, the repository's dialogs/), on a real
/// SQLite file in a temporary folder. Two hosts on one folder are two service instances sharing the database.
/// </summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    private readonly bool _ownsFolder;

    private BotTestHost(string folder, ServiceProvider services, FakeTimeProvider time, bool ownsFolder)
    {
        Folder = folder;
        Services = services;
        Time = time;
        _ownsFolder = ownsFolder;
    }

    public string Folder { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public string OutboxPath => Path.Combine(Folder, "outbox");

    public BotEngine Engine => Services.GetRequiredService<BotEngine>();

    public static string RepositoryDialogs => Path.Combine(Repository.Root, "dialogs");

    public static async Task<BotTestHost> StartAsync(IDictionary<string, string?>? settings = null, string? folder = null,
        bool seedDemo = true, FakeTimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var ownsFolder = folder is null;
        folder ??= Path.Combine(Path.GetTempPath(), "supportbot-bot-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var values = new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder,
            ["Directory:Provider"] = "Sqlite",
            ["Directory:ConnectionString"] = $"Data Source={Path.Combine(folder, "supportbot.db")}",
            ["Directory:DemoData"] = "Never",
            ["Mail:Mode"] = "Pickup",
            ["Mail:PickupDirectory"] = Path.Combine(folder, "outbox"),
            ["Dialogs:Folder"] = RepositoryDialogs,
            ["Dialogs:PublicBaseUrl"] = "http://bot.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(time)
            .AddAccountDirectory()
            .AddLanguageUnderstanding()
            .AddDialogEngine();
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await services.InitializeAccountDirectoryAsync(seedDemo);
        return new BotTestHost(folder, services, time, ownsFolder);
    }

    /// <summary>A copy of the repository's dialogs/ in <paramref name="folder"/>, to change files as a deployment would.</summary>
    public static string CopyDialogs(string folder)
    {
        var target = Path.Combine(folder, "dialogs");
        foreach (var file in System.IO.Directory.EnumerateFiles(RepositoryDialogs, "*.yaml", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(RepositoryDialogs, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    /// <summary>What the service's mail worker does at its next poll: sends the mails the turns queued; how many left.</summary>
    public Task<int> DeliverMailAsync() => Services.GetRequiredService<MailQueueWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

    public TestFlow Conversation(string channel = Channels.Web, string? conversationId = null, string? userId = null) =>
        new(Engine, channel, conversationId ?? Guid.NewGuid().ToString("N"), userId ?? "parent-" + Guid.NewGuid().ToString("N")[..8]);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
        {
            try
            {
                System.IO.Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
            }
        }
    }

}
