using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.AzureBotService;

/// <summary>
/// The Bot Connector REST API: replies go to the activity's serviceUrl
/// (POST v3/conversations/{conversationId}/activities/{replyToId}) with a client-credentials bearer token, cached
/// until shortly before it expires.
/// </summary>
internal sealed class ConnectorClient(HttpClient http, IOptions<AzureBotServiceOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public async Task ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        var url = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(activity, options: ActivityJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The connector at {serviceUrl} refused the reply ({(int)response.StatusCode}).", null, response.StatusCode);
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && time.GetUtcNow() < _tokenExpires)
            {
                return _token;
            }

            var settings = options.Value;
            using var response = await http.PostAsync(settings.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.MicrosoftAppId ?? "",
                ["client_secret"] = settings.MicrosoftAppPassword ?? "",
                ["scope"] = settings.Scope,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The token endpoint refused the bot's credentials ({(int)response.StatusCode}).", null, response.StatusCode);
            }

            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
                ?? throw new HttpRequestException("The token endpoint answered no JSON.");
            _token = body["access_token"]?.GetValue<string>() ?? throw new HttpRequestException("The token endpoint answered no access_token.");
            var expiresIn = body["expires_in"]?.GetValue<int>() ?? 3600;
            _tokenExpires = time.GetUtcNow().AddSeconds(Math.Max(0, expiresIn - 300));
            return _token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }
}
