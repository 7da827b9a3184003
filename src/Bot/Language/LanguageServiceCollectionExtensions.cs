using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Language;

internal static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// The intent recognizer (trained once, from dialogs/intents/, when the host starts: a broken training file stops
    /// the start with its file:line), the entity recognizer and <see cref="NluAnalyzer"/>; section <c>Nlu</c>.
    /// </summary>
    public static IServiceCollection AddLanguageUnderstanding(this IServiceCollection services)
    {
        services.AddOptions<NluOptions>()
            .BindConfiguration(NluOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IIntentRecognizer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NluOptions>>().Value;
            return IntentRecognizer.Train(IntentTrainingSet.Load(options.TrainingPath), options.MinScore, options.MinMargin);
        });
        services.AddSingleton<IEntityRecognizer, EntityRecognizer>();
        services.AddSingleton<NluAnalyzer>();
        services.AddHostedService<IntentModelWarmup>();
        return services;
    }
}
