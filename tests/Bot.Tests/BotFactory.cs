using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Bot.Mail;

namespace SupportBot.Bot.Tests;

/// <summary>
/// The service in-process (WebApplicationFactory) on a real SQLite file in its own temporary folder, with a
/// <see cref="FakeTimeProvider"/>. Reusing <see cref="Folder"/> in a new factory simulates a restart.
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotFactory(string? folder = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Folder = folder ?? System.IO.Directory.CreateTempSubdirectory("supportbot-bot-").FullName;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = Folder,
            ["Directory:ConnectionString"] = $"Data Source={Path.Combine(Folder, "supportbot.db")}",
            ["Directory:DemoData"] = "Always",
            ["Mail:PickupDirectory"] = Path.Combine(Folder, "outbox"),
            ["DirectLine:KeyFile"] = Path.Combine(Folder, "directline.key"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Serves over real HTTP (Kestrel on loopback, on a port the system picks, so never one in use) instead of the test
    /// server: requests then come from a client address, as in production. Returns the service's address.
    /// </summary>
    public Uri StartOverHttp()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return ClientOptions.BaseAddress;
    }

    /// <summary>A client of the service that connects from <paramref name="localAddress"/> (any of 127.0.0.0/8 on Linux): another parent's address.</summary>
    public static HttpClient ClientFrom(Uri service, string localAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = service,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            _services?.Invoke(services);
        });
    }

    /// <summary>
    /// What the mail worker does at its next poll (its timer runs on <see cref="Time"/>, which only the test moves): sends
    /// the mails the turns queued; how many left.
    /// </summary>
    public Task<int> DeliverMailAsync() => Services.GetRequiredService<MailQueueWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(folder, true);
        }
        catch (IOException)
        {
        }
    }
}
