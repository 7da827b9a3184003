using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>A parent on the help page, as Web Chat speaks Direct Line: a page token, the conversation started, messages posted.</summary>
internal sealed class WebChatParent(HttpClient client, string conversationId, string token)
{
    public static async Task<WebChatParent> StartAsync(HttpClient client)
    {
        using var minted = await client.PostAsync("/api/directline/token", null, TestContext.Current.CancellationToken);
        minted.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await minted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var parent = new WebChatParent(client, body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
        using var started = await parent.SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        started.EnsureSuccessStatusCode();
        return parent;
    }

    /// <summary>Posts <paramref name="text"/> and returns the bot's replies to it, joined by new lines.</summary>
    public async Task<string> SayAsync(string text)
    {
        using var posted = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities",
            new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "page" }, ["text"] = text });
        posted.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
        using var read = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=0");
        read.EnsureSuccessStatusCode();
        var activities = JsonNode.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["activities"]!.AsArray().Select(a => a!);
        return string.Join("\n", activities.Where(a => a["replyToId"]?.GetValue<string>() == id && a["type"]?.GetValue<string>() == "message")
            .Select(a => a["text"]?.GetValue<string>()));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
