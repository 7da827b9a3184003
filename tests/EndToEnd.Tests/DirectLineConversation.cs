using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SupportBot.EndToEnd.Tests;

/// <summary>A Direct Line 3.0 conversation over HTTP, as a client holding the service's secret starts one (each with a new user).</summary>
internal sealed class DirectLineConversation
{
    private readonly HttpClient _http;
    private readonly string _id;
    private readonly string _token;

    private DirectLineConversation(HttpClient http, string id, string token)
    {
        _http = http;
        _id = id;
        _token = token;
    }

    public static async Task<DirectLineConversation> StartAsync(HttpClient http, string secret, CancellationToken cancellationToken)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var started = await http.SendAsync(start, cancellationToken);
        started.EnsureSuccessStatusCode();
        var conversation = (await started.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return new DirectLineConversation(http, conversation["conversationId"]!.GetValue<string>(), conversation["token"]!.GetValue<string>());
    }

    /// <summary>Posts a message; the service answers once the bot's turn is over. Returns the activity's id.</summary>
    public async Task<string> SendAsync(string text, CancellationToken cancellationToken)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{_id}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text, from = new { id = "parent" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var posted = await _http.SendAsync(post, cancellationToken);
        posted.EnsureSuccessStatusCode();
        return (await posted.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["id"]!.GetValue<string>();
    }

    /// <summary>The texts of the bot's messages answering <paramref name="activityId"/>, in order.</summary>
    public async Task<IReadOnlyList<string>> RepliesToAsync(string activityId, CancellationToken cancellationToken)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{_id}/activities");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var read = await _http.SendAsync(get, cancellationToken);
        read.EnsureSuccessStatusCode();
        var set = (await read.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return [.. set["activities"]!.AsArray()
            .Where(a => a!["replyToId"]?.GetValue<string>() == activityId && a["type"]?.GetValue<string>() == "message")
            .Select(a => a!["text"]?.GetValue<string>() ?? "")];
    }
}
