using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.EndToEnd.Tests.DirectLine;

/// <summary>A conversation as the help page's Web Chat holds it: its id and token, usable through any instance.</summary>
internal sealed record DirectLineSession(string ConversationId, string Token)
{
    /// <summary>What the help page does on opening: a token from <c>/api/directline/token</c>, then the conversation started (the bot greets).</summary>
    public static async Task<DirectLineSession> OpenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var tokenResponse = await http.PostAsync("api/directline/token", null, cancellationToken);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        var session = new DirectLineSession(token["conversationId"]!.GetValue<string>(), token["token"]!.GetValue<string>());
        using var started = await session.SendAsync(http, HttpMethod.Post, "v3/directline/conversations", null, cancellationToken);
        started.EnsureSuccessStatusCode();
        return session;
    }

    public Task<HttpResponseMessage> PostMessageAsync(HttpClient http, string text, CancellationToken cancellationToken) =>
        SendAsync(http, HttpMethod.Post, $"v3/directline/conversations/{ConversationId}/activities",
            new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = new JsonObject { ["id"] = "parent" } }, cancellationToken);

    /// <summary>The whole history, oldest first, as <c>GET .../activities</c> returns it.</summary>
    public async Task<JsonArray> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http, HttpMethod.Get, $"v3/directline/conversations/{ConversationId}/activities", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["activities"]!.AsArray();
    }

    /// <summary>The conversation's WebSocket on the instance <paramref name="http"/> talks to, from the stream URL that instance hands out.</summary>
    public async Task<ClientWebSocket> StreamAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var reconnect = await SendAsync(http, HttpMethod.Get, $"v3/directline/conversations/{ConversationId}", null, cancellationToken);
        reconnect.EnsureSuccessStatusCode();
        var url = (await reconnect.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["streamUrl"]!.GetValue<string>();
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), cancellationToken);
        return socket;
    }

    /// <summary>The next activity set the stream sends.</summary>
    public static async Task<JsonArray> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The service closed the stream.");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage && message.Length > 0)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!["activities"]!.AsArray();
            }

            if (result.EndOfMessage)
            {
                message.SetLength(0);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request, cancellationToken);
    }
}
