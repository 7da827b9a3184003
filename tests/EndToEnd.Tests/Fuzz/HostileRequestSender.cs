using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>What the service answered a hostile request: its status (101 for an accepted WebSocket), or why there was none.</summary>
internal sealed record HostileOutcome(HostileRequest Request, int? Status, string? NoAnswer);

/// <summary>Sends hostile requests to the service over real HTTP (a socket of its own for the raw ones).</summary>
internal sealed class HostileRequestSender(Uri baseAddress) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxConnectionsPerServer = 32,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = Patience,
    };

    public async Task<HostileOutcome> SendAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return request.Transport switch
            {
                HostileTransport.Raw => await SendRawAsync(request, cancellationToken) is { } status
                    ? new(request, status, null) : new(request, null, "the connection closed without an answer"),
                HostileTransport.WebSocket => new(request, await SendWebSocketAsync(request, cancellationToken), null),
                _ => await SendHttpAsync(request, cancellationToken),
            };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or WebSocketException
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new(request, null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<HostileOutcome> SendHttpAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        using var message = request.ToHttpRequest(baseAddress);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new(request, (int)response.StatusCode, null);
    }

    /// <summary>The bytes as they are, then the status line of the answer (the connection is closed by either side).</summary>
    private async Task<int?> SendRawAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(request.Body, timeout.Token);
        if (request.Mutation.Contains("connection closed", StringComparison.Ordinal))
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        var buffer = new byte[256];
        var read = 0;
        try
        {
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token)) > 0)
            {
                read += n;
            }
        }
        catch (IOException) when (read > 0)
        {
            // Kestrel answers, then resets a connection whose request it could not read to the end: the answer counts.
        }

        var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0].Split(' ');
        return statusLine is [_, var code, ..] && int.TryParse(code, out var status) ? status : null;
    }

    /// <summary>Opens the stream and sends the hostile bytes as text (not UTF-8) and binary frames; 101 when the service accepted it.</summary>
    private async Task<int?> SendWebSocketAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var url = new UriBuilder(new Uri(baseAddress, request.PathAndQuery)) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch (WebSocketException) when (socket.HttpStatusCode != 0)
        {
            return (int)socket.HttpStatusCode;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var frames = request.Body ?? [];
            await socket.SendAsync(frames, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            await socket.SendAsync(frames, WebSocketMessageType.Binary, endOfMessage: false, timeout.Token);
            await socket.SendAsync(new byte[64 * 1024], WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "fin", timeout.Token);
            var buffer = new byte[64 * 1024];
            while (socket.State is WebSocketState.CloseSent or WebSocketState.Open)
            {
                await socket.ReceiveAsync(buffer, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The service may close first, or keep streaming: the upgrade was answered, which is what is counted.
        }

        return (int)HttpStatusCode.SwitchingProtocols;
    }

    public void Dispose() => _http.Dispose();
}
