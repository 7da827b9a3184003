using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportBot.AccountDirectory;

namespace SupportBot.Testing;

/// <summary>
/// A real SQLite directory in a temporary folder, built with the same registrations as the service
/// (<see cref="DirectoryServiceCollectionExtensions.AddAccountDirectory"/>). Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class TestDirectory : IAsyncDisposable
{
    private TestDirectory(string folder, ServiceProvider services, FakeTimeProvider time)
    {
        Folder = folder;
        Services = services;
        Time = time;
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "supportbot.db");

    public string OutboxPath => Path.Combine(Folder, "outbox");

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    /// <param name="settings">Configuration overrides (e.g. "Mail:Mode" = "Smtp").</param>
    /// <param name="folder">Reuse a folder (and its database) to simulate a restart.</param>
    public static async Task<TestDirectory> CreateAsync(IDictionary<string, string?>? settings = null, string? folder = null,
        bool seedDemo = false)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "supportbot-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var values = new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder,
            ["Directory:Provider"] = "Sqlite",
            ["Directory:ConnectionString"] = $"Data Source={Path.Combine(folder, "supportbot.db")}",
            ["Directory:DemoData"] = "Never",
            // A bare directory: the tests that want the embedded annuaire extract say so.
            ["Directory:ReferenceSchools"] = "Never",
            ["Mail:Mode"] = "Pickup",
            ["Mail:PickupDirectory"] = Path.Combine(folder, "outbox"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(time)
            .AddAccountDirectory()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await services.InitializeAccountDirectoryAsync(seedDemo);
        return new TestDirectory(folder, services, time);
    }

    /// <summary>A new scope, as a request or a turn would have.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Closes every connection but keeps the folder, to reopen it as a restarted process would.</summary>
    public async Task<string> ShutDownKeepingFilesAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        return Folder;
    }
}
