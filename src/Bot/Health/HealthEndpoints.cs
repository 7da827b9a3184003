namespace SupportBot.Bot.Health;

internal static class HealthEndpoints
{
    public static IServiceCollection AddDirectoryHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DirectoryHealthCheck>("directory");
        return services;
    }

    public static IEndpointRouteBuilder MapDirectoryHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health");
        return app;
    }
}
