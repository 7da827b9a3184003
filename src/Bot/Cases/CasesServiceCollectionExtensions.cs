using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Cases;

internal static class CasesServiceCollectionExtensions
{
    /// <summary>What opens and mails cases (links, mails, the dispatcher), for the dialogs and the workspace; section <c>Cases</c>.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.TryAddSingleton<CaseLinks>();
        services.TryAddSingleton<CaseMails>();
        services.TryAddSingleton<CaseDispatcher>();
        return services;
    }

    /// <summary>The service mails the cases still due and the parents of treated cases every <c>Cases:DispatchPollSeconds</c>.</summary>
    public static IServiceCollection AddCaseDispatch(this IServiceCollection services) =>
        services.AddCases().AddHostedService(sp => sp.GetRequiredService<CaseDispatcher>());
}
