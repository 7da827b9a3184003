using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>
/// A parent on the help page, as Web Chat talks to the service over HTTP: a page token (a new conversation and user id
/// each time), the conversation started, then messages posted and the bot's replies read after each.
/// </summary>
internal sealed class WebChatParent
{
    private readonly HttpClient _client;
    private readonly string _conversationId;
    private readonly string _token;
    private int _watermark;

    private WebChatParent(HttpClient client, string conversationId, string token)
    {
        _client = client;
        _conversationId = conversationId;
        _token = token;
    }

    /// <summary>Opens the help page anew: a new token, a new conversation; the welcome is read and dropped.</summary>
    public static async Task<WebChatParent> OpenAsync(HttpClient client)
    {
        using var tokenResponse = await client.PostAsync("/api/directline/token", null, TestContext.Current.CancellationToken);
        tokenResponse.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var parent = new WebChatParent(client, token["conversationId"]!.GetValue<string>(), token["token"]!.GetValue<string>());
        using var started = await parent.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null);
        started.EnsureSuccessStatusCode();
        await parent.ReadRepliesAsync();
        return parent;
    }

    /// <summary>Posts the message and returns the bot's replies to it, joined by new lines.</summary>
    public async Task<string> SayAsync(string text)
    {
        using var posted = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities",
            new JsonObject { ["type"] = "message", ["text"] = text });
        posted.EnsureSuccessStatusCode();
        return await ReadRepliesAsync();
    }

    private async Task<string> ReadRepliesAsync()
    {
        using var read = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities?watermark={_watermark}", null);
        read.EnsureSuccessStatusCode();
        var set = JsonNode.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        _watermark = int.Parse(set["watermark"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        return string.Join("\n", set["activities"]!.AsArray()
            .Where(a => a!["from"]!["role"]!.GetValue<string>() == "bot" && a["text"] is not null)
            .Select(a => a!["text"]!.GetValue<string>()));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
