using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupportBot.Testing;

/// <summary>
/// A real Redis for the test run: Debian's redis-server on a free loopback port, nothing saved to disk, stopped by its
/// process id. ./test.sh installs the package; a missing server fails the test, it is not skipped.
/// </summary>
public sealed class RedisTestServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/redis-server";
    private readonly Process _process;

    private RedisTestServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisTestServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run ./test.sh, which installs redis-server.");
        }

        var port = SmtpTestServer.FreePort();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", Path.GetTempPath() })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited ({process.ExitCode}): {output}");
            }

            if (await AnswersPingAsync(port))
            {
                return new RedisTestServer(process, port);
            }

            await Task.Delay(100);
        }

        process.Kill(true);
        throw new TimeoutException($"redis-server did not answer on {port} within 20 s. {output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>PING in the Redis protocol (RESP): the server is up when it answers +PONG.</summary>
    private static async Task<bool> AnswersPingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
