using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Data;
using SupportBot.AccountDirectory.Sqlite;

namespace SupportBot.Bot.DirectLine;

internal static class DirectLineServiceCollectionExtensions
{
    public const string CorsPolicy = "DirectLine";
    public const string TokenRateLimit = "DirectLineToken";

    /// <summary>Direct Line's options, services, the CORS policy of the sites that embed Web Chat, and the token requests' rate limit.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section)
            .Configure<IOptions<DataOptions>>((o, data) => o.KeyFile = data.Value.Resolve(o.KeyFile, "directline-signing.key"))
            .ValidateDataAnnotations()
            .Validate(o => IsRedisConfiguration(o.Redis), "DirectLine:Redis is not a StackExchange.Redis configuration string (host:port[,password=...]).")
            .ValidateOnStart();
        services.AddSingleton<DirectLineTokenService>();
        // Plain prepared SQL on the embedded SQLite file (the path of every message and poll), EF Core on any other provider.
        services.AddSingleton<IDirectLineConversationStore>(sp =>
            sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.Provider == DirectoryProvider.Sqlite
                ? ActivatorUtilities.CreateInstance<SqliteDirectLineConversationStore>(sp)
                : ActivatorUtilities.CreateInstance<DirectLineConversationStore>(sp));
        services.AddSingleton<DirectLineBroadcaster>();
        services.AddSingleton<DirectLineRedisBackplane>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectLineRedisBackplane>());
        services.AddScoped<DirectLineTurns>();
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, _ => { }));
        services.AddOptions<CorsOptions>()
            .Configure<IOptions<DirectLineOptions>>((cors, directLine) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(directLine.Value.AllowedOrigins)

                // What Web Chat 4.18's DirectLineJS sends (botframework-directlinejs/lib/directLine.js: commonHeaders
                // and the ajax calls): Authorization, Content-Type: application/json and x-ms-bot-agent on its own, and
                // X-Requested-With, which RxJS's ajax adds to every request not marked crossDomain. The cross-origin
                // browser test (CrossOriginEmbeddingTests) fails on any header missing here.
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent", "X-Requested-With")
                .WithMethods("GET", "POST")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(TokenRateLimit, context =>
            {
                // A site's server holding the secret exchanges it for its parents' tokens, all from its one address.
                if (context.RequestServices.GetRequiredService<DirectLineTokenService>().IsSecret(DirectLineRequest.Bearer(context)))
                {
                    return RateLimitPartition.GetNoLimiter("secret");
                }

                var perMinute = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    private static bool IsRedisConfiguration(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return true;
        }

        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
