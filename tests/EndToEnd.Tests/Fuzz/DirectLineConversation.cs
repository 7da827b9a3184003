using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>A conversation over Direct Line's REST calls, as a client without WebSocket speaks it: post, then poll for the bot's replies.</summary>
internal sealed class DirectLineConversation
{
    private readonly HttpClient _http;
    private int _watermark;

    private DirectLineConversation(HttpClient http, string id, string token)
    {
        _http = http;
        Id = id;
        Token = token;
    }

    public string Id { get; }

    public string Token { get; }

    /// <summary>A token from the secret (tokens/generate), then the conversation started: the bot greets.</summary>
    public static async Task<DirectLineConversation> StartAsync(HttpClient http, string secret, CancellationToken cancellationToken)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var generated = await http.SendAsync(generate, cancellationToken);
        generated.EnsureSuccessStatusCode();
        var body = (await generated.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        var conversation = new DirectLineConversation(http, body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
        using var start = conversation.Request(HttpMethod.Post, "/v3/directline/conversations");
        using var started = await http.SendAsync(start, cancellationToken);
        started.EnsureSuccessStatusCode();
        return conversation;
    }

    /// <summary>A conversation some client started; <see cref="CatchUpAsync"/> reads its history.</summary>
    public static DirectLineConversation Resume(HttpClient http, string id, string token) => new(http, id, token);

    /// <summary>Reads the whole history (throws unless the service serves it) and waits, from then on, for what is new; the number of activities.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var (activities, watermark) = await ReadAsync(0, cancellationToken);
        _watermark = watermark;
        return activities.Count;
    }

    /// <summary>Posts <paramref name="text"/> and waits for a bot reply containing <paramref name="expected"/>; the replies seen.</summary>
    public async Task<string> SayAsync(string text, string expected, CancellationToken cancellationToken)
    {
        using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{Id}/activities");
        post.Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = text, ["locale"] = "fr-FR", ["from"] = new JsonObject { ["id"] = "parent" } });
        using var posted = await _http.SendAsync(post, cancellationToken);
        posted.EnsureSuccessStatusCode();
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var (activities, watermark) = await ReadAsync(_watermark, cancellationToken);
            _watermark = watermark;
            seen.AddRange(activities.Where(a => a["from"]?["role"]?.GetValue<string>() == "bot").Select(a => a["text"]?.GetValue<string>() ?? ""));
            if (seen.Any(t => t.Contains(expected, StringComparison.Ordinal)))
            {
                return string.Join("\n", seen);
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"After « {text} » the bot did not say « {expected} »; it said:\n{string.Join("\n", seen)}");
    }

    /// <summary>The activities after <paramref name="watermark"/>; throws unless the service answers 200 with an activity set.</summary>
    public async Task<(JsonArray Activities, int Watermark)> ReadAsync(int watermark, CancellationToken cancellationToken)
    {
        using var get = Request(HttpMethod.Get, $"/v3/directline/conversations/{Id}/activities?watermark={watermark}");
        using var response = await _http.SendAsync(get, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Reading conversation {Id} answered {(int)response.StatusCode}: {text}");
        }

        var set = JsonNode.Parse(text)!;
        return (set["activities"]!.AsArray(), int.Parse(set["watermark"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }
}
