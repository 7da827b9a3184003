using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Language;
using SupportBot.Bot.Tests.TestDoubles;

namespace SupportBot.Bot.Tests.Dialogs;

internal static class TestServiceCollectionExtensions
{
    /// <summary>The service's registrations with the language test doubles, as Program's AddServices will have the real ones.</summary>
    public static IServiceCollection AddDialogEngineForTests(this IServiceCollection services) => services
        .AddSingleton<IIntentRecognizer, KeywordIntentRecognizerTestDouble>()
        .AddSingleton<IEntityRecognizer, SimpleEntityRecognizerTestDouble>()
        .AddAccountDirectory()
        .AddDialogEngine();
}
