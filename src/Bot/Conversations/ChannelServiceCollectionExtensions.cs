using SupportBot.Bot.Sms;

namespace SupportBot.Bot.Conversations;

internal static class ChannelServiceCollectionExtensions
{
    /// <summary>What every channel talks to: the dialog engine, and the SMS channel's texts from dialogs/.</summary>
    public static IServiceCollection AddChannelBot(this IServiceCollection services)
    {
        services.AddSingleton<IConversationBot, EngineConversationBot>();
        services.AddSingleton<ISmsSystemTexts, CatalogSmsTexts>();
        return services;
    }
}
