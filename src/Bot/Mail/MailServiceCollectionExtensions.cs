using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Mail;

internal static class MailServiceCollectionExtensions
{
    /// <summary>The queued mails' composers and their worker (section <c>Mail:Queue</c>), for the dialogs and the command-line tools.</summary>
    public static IServiceCollection AddMailQueue(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueuedMailComposer, IdentifierMailComposer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueuedMailComposer, ResetLinkMailComposer>());
        services.TryAddSingleton<MailQueueWorker>();
        return services;
    }

    /// <summary>The service sends the queued mails every <c>Mail:Queue:PollMilliseconds</c>.</summary>
    public static IServiceCollection AddMailDelivery(this IServiceCollection services) =>
        services.AddMailQueue().AddHostedService(sp => sp.GetRequiredService<MailQueueWorker>());
}
