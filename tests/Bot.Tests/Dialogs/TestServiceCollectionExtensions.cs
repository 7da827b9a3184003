using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Dialogs;

internal static class TestServiceCollectionExtensions
{
    /// <summary>The service's registrations as Program's AddServices has them.</summary>
    public static IServiceCollection AddDialogEngineForTests(this IServiceCollection services) => services
        .AddAccountDirectory()
        .AddLanguageUnderstanding()
        .AddDialogEngine();
}
