using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Data;

namespace SupportBot.Bot.Sms;

internal static class TwilioSmsServiceCollectionExtensions
{
    /// <summary>The SMS channel: Twilio's options, the incoming turns and delivery statuses, and the sender of the case-resolved SMS.</summary>
    public static IServiceCollection AddTwilioSms(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section)
            .Configure<IOptions<DataOptions>>((o, data) => o.OutboxDirectory = data.Value.Resolve(o.OutboxDirectory, "outbox"))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TwilioSmsTurns>();
        services.AddSingleton<SmsDeliveryStatuses>();
        services.AddTransient<TwilioApiBaseUrlHandler>();
        services.AddHttpClient<TwilioSmsSender>().AddHttpMessageHandler<TwilioApiBaseUrlHandler>();
        services.AddSingleton<CaseResolvedSmsService>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseResolvedSmsService>());
        return services;
    }
}
