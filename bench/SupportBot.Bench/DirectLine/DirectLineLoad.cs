using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Bench.DirectLine;

/// <summary>
/// Load on a running SupportBot over loopback, as Web Chat would: N concurrent conversations, each posting its script
/// of messages and reading the bot's reply from the WebSocket stream or by polling. Prints one JSON line: turns/s and
/// latency percentiles.
/// </summary>
internal static class DirectLineLoad
{
    public static async Task<int> RunAsync(string url, string secret, int conversations, int rounds, string[] script, bool webSocket)
    {

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var latencies = new List<double>[conversations];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async i =>
        {
            latencies[i] = [];
            try
            {
                using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
                start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                using var started = await http.SendAsync(start);
                started.EnsureSuccessStatusCode();
                var conversation = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
                var id = conversation["conversationId"]!.GetValue<string>();
                var token = conversation["token"]!.GetValue<string>();
                using var stream = webSocket ? await StreamAsync(conversation["streamUrl"]!.GetValue<string>()) : null;
                var watermark = "0";
                for (var round = 0; round < rounds; round++)
                {
                    foreach (var text in script)
                    {
                        var turn = Stopwatch.StartNew();
                        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities")
                        {
                            Content = JsonContent.Create(new { type = "message", text, from = new { id = "bench" } }),
                        };
                        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        using var posted = await http.SendAsync(post);
                        posted.EnsureSuccessStatusCode();
                        var activityId = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
                        while (true)
                        {
                            JsonObject set;
                            if (stream is not null)
                            {
                                set = await ReceiveAsync(stream);
                            }
                            else
                            {
                                using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities?watermark={watermark}");
                                get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                                using var read = await http.SendAsync(get);
                                read.EnsureSuccessStatusCode();
                                set = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
                                watermark = set["watermark"]!.GetValue<string>();
                            }

                            if (set["activities"]!.AsArray().Any(a => a!["replyToId"]?.GetValue<string>() == activityId && a["type"]?.GetValue<string>() == "message"))
                            {
                                break;
                            }
                        }

                        latencies[i].Add(turn.Elapsed.TotalMilliseconds);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or WebSocketException)
            {
                if (Interlocked.Increment(ref errors) == 1)
                {
                    await Console.Error.WriteLineAsync($"directline: conversation {i} stopped: {e.Message}");
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            transport = webSocket ? "websocket" : "polling",
            conversations,
            turns = all.Length,
            errors,
            seconds = Math.Round(seconds, 3),
            turns_per_s = Math.Round(all.Length / seconds, 1),
            p50_ms = Percentile(all, 0.50),
            p99_ms = Percentile(all, 0.99),
        }));
        return errors == 0 ? 0 : 1;
    }

    private static async Task<ClientWebSocket> StreamAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return socket;
    }

    /// <summary>The next activity set the stream pushes (empty keep-alive frames are skipped).</summary>
    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The service closed the stream.");
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                if (buffer.WrittenCount > 0)
                {
                    return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
                }
            }
        }
    }

    /// <summary>Null when no turn completed (JSON has no NaN).</summary>
    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);
}
