using System.Diagnostics;
using System.Net.Http;
using System.Text;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests;

/// <summary>
/// The service as an operator starts it: `dotnet SupportBot.Bot.dll` in its own process, its working directory a
/// temporary folder, its data folder (Data__Folder) ./data/ in it unless the test says otherwise, the content root src/Bot.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private BotProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string RepositoryRoot => Repository.Root;

    public static Process Launch(string workingDirectory, IDictionary<string, string>? environment, StringBuilder output, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var dll = Path.Combine(RepositoryRoot, "src", "Bot", "bin", configuration, "net10.0", "SupportBot.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the solution first (dotnet build): the service is not built.", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "src", "Bot"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // Never the repository's own data/ (the embedded default): each test keeps its directory to itself.
        start.Environment["Data__Folder"] = Path.Combine(workingDirectory, "data");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Starts the service and waits for GET /health to answer 200; on a free port unless <c>ASPNETCORE_URLS</c> names one (a restart).</summary>
    public static async Task<BotProcess> StartAsync(string workingDirectory, IDictionary<string, string>? environment = null, params string[] args)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (!env.TryGetValue("ASPNETCORE_URLS", out var urls))
        {
            urls = $"http://127.0.0.1:{SmtpTestServer.FreePort()}";
            env["ASPNETCORE_URLS"] = urls;
        }

        var port = new Uri(urls).Port;

        // A service left over from an earlier run would answer in place of this one.
        try
        {
            using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            probe.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InvalidOperationException($"Port {port} is already in use: stop what listens there before starting the service.", e);
        }

        var output = new StringBuilder();
        var process = Launch(workingDirectory, env, output, args);
        var bot = new BotProcess(process, output, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode}:\n{bot.Output}");
            }

            try
            {
                using var response = await bot.Http.GetAsync("health");
                if (response.IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        await bot.DisposeAsync();
        throw new TimeoutException($"The service did not answer /health within 60 s:\n{bot.Output}");
    }

    /// <summary>Stops the service the way systemd would (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        _process.Dispose();
    }

}
