namespace SupportBot.Bot.Retention;

internal static class RetentionServiceCollectionExtensions
{
    /// <summary>The periodic purge of old exchanges (section <c>Retention</c>); the web host only, not the command-line tools.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services) => services.AddHostedService<RetentionService>();
}
