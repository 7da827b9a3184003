using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Security;

internal static class WebSecurityServiceCollectionExtensions
{
    /// <summary>
    /// Who the client is (section <c>ForwardedHeaders</c>: forwarded headers believed from the configured proxies only),
    /// and a <c>Retry-After</c> on every 429 of the rate limiter.
    /// </summary>
    public static IServiceCollection AddWebSecurity(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxiesOptions>().BindConfiguration(TrustedProxiesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxiesOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // ASP.NET Core trusts the loopback addresses by default; here nothing is trusted unless configured, since a
            // proxy on the same machine is no more likely than a client there.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Each trusted proxy in the chain yields the address it received from; the first address that is not a
            // trusted proxy is the client, whatever the client wrote further left in X-Forwarded-For.
            forwarded.ForwardLimit = null;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                RetryAfter.Set(context.HttpContext.Response,
                    context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
