using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio's client builds its URLs on api.twilio.com; this handler sends them to <see cref="TwilioOptions.ApiBaseUrl"/>
/// instead (a local stand-in speaking the same protocol in tests), path and query unchanged.
/// </summary>
internal sealed class TwilioApiBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Value.ApiBaseUrl);
        if (request.RequestUri is { } uri && uri.Host.EndsWith(".twilio.com", StringComparison.OrdinalIgnoreCase) && uri.Authority != target.Authority)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
