using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace SupportBot.Testing;

/// <summary>
/// A real SMTP server for the test run: Debian's python3-aiosmtpd, storing what it receives in a Maildir that the
/// test reads back with MimeKit. ./test.sh installs the package; a missing server fails the test, it is not skipped.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private SmtpTestServer(Process process, string maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    public string Host => "127.0.0.1";

    // aiosmtpd's Mailbox handler, answering each message after a delay: a mail server as slow as a real one under load.
    private const string SlowMailbox = """
        import asyncio
        from aiosmtpd.handlers import Mailbox

        class SlowMailbox(Mailbox):
            def __init__(self, mail_dir, delay):
                super().__init__(mail_dir)
                self.delay = float(delay)

            async def handle_DATA(self, server, session, envelope):
                await asyncio.sleep(self.delay)
                return await super().handle_DATA(server, session, envelope)

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0], args[1])
        """;

    /// <param name="answerDelay">How long the server takes to accept each message (after its data), like a busy server: none by default.</param>
    public static async Task<SmtpTestServer> StartAsync(TimeSpan? answerDelay = null)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            throw new InvalidOperationException("/usr/bin/python3 is missing: run ./test.sh, which installs python3-aiosmtpd.");
        }

        var maildir = Path.Combine(Path.GetTempPath(), "supportbot-smtp-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] handler = ["aiosmtpd.handlers.Mailbox", maildir];
        if (answerDelay is { } delay)
        {
            // Beside the Maildir, so that disposing the server removes it too.
            var module = maildir + "-handler";
            System.IO.Directory.CreateDirectory(module);
            await File.WriteAllTextAsync(Path.Combine(module, "slow_mailbox.py"), SlowMailbox);
            start.Environment["PYTHONPATH"] = module;
            handler = ["slow_mailbox.SlowMailbox", maildir, delay.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)];
        }

        foreach (var arg in (string[])["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", .. handler])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited ({process.ExitCode}); is python3-aiosmtpd installed (./test.sh)? {stderr}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpTestServer(process, maildir, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(true);
        throw new TimeoutException($"aiosmtpd did not listen on {port} within 20 s. {stderr}");
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        if (!System.IO.Directory.Exists(folder))
        {
            return [];
        }

        return System.IO.Directory.GetFiles(folder)
            .Select(f => new FileInfo(f))
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name)
            .Select(f => MimeMessage.Load(f.FullName))
            .ToList();
    }

    /// <summary>Waits until a received message matches, or fails after <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = Messages().FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching message among the {Messages().Count} received by the SMTP server.");
            }

            await Task.Delay(50);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        foreach (var folder in new[] { _maildir, _maildir + "-handler" })
        {
            try
            {
                if (System.IO.Directory.Exists(folder))
                {
                    System.IO.Directory.Delete(folder, true);
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
