using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Schools;

internal static class SchoolSearchServiceCollectionExtensions
{
    /// <summary>The school search over the directory's open schools (needs <c>AddAccountDirectory()</c>).</summary>
    public static IServiceCollection AddSchoolSearch(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchoolSearch>();
        return services;
    }
}
