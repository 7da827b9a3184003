using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Data;
using SupportBot.AccountDirectory.Demo;
using SupportBot.AccountDirectory.Limits;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Retention;
using SupportBot.AccountDirectory.Schools.Import;
using SupportBot.AccountDirectory.Sqlite;

namespace SupportBot.AccountDirectory;

public static class DirectoryServiceCollectionExtensions
{
    /// <summary>The account directory (sections <c>Directory</c> and <c>Mail</c>) and its services.</summary>
    public static IServiceCollection AddAccountDirectory(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);
        services.AddOptions<DirectoryOptions>()
            .BindConfiguration(DirectoryOptions.Section)
            .Configure<IOptions<DataOptions>>((o, data) =>
            {
                if (o.Provider == DirectoryProvider.Sqlite && string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    o.ConnectionString = $"Data Source={data.Value.Resolve(null, "supportbot.db")}";
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DirectoryProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Directory:ConnectionString is required when Directory:Provider is SqlServer.")
            .ValidateOnStart();
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .Configure<IOptions<DataOptions>>((o, data) => o.PickupDirectory = data.Value.Resolve(o.PickupDirectory, "outbox"))
            .ValidateDataAnnotations()
            .Validate(o => o.Mode != MailMode.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Mail:Smtp:Host is required when Mail:Mode is Smtp.")
            .ValidateOnStart();
        services.AddOptions<MailQueueOptions>().BindConfiguration(MailQueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<CasesOptions>()
            .BindConfiguration(CasesOptions.Section)
            .Configure<IOptions<DataOptions>>((o, data) => o.KeyFile = data.Value.Resolve(o.KeyFile, "cases-signing.key"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectoryDbContextFactory>();
        services.AddSingleton<IDbContextFactory<DirectoryDbContext>>(sp => sp.GetRequiredService<DirectoryDbContextFactory>());
        // The hot paths' own connections to the SQLite file (resolved only when the directory is SQLite).
        services.AddSingleton(sp => new SqliteSessions(sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.EffectiveConnectionString));
        services.AddScoped(sp => sp.GetRequiredService<DirectoryDbContextFactory>().CreateDbContext());
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddScoped<AccountService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<DirectorCaseService>();
        services.AddScoped<DemoData>();
        services.AddSingleton<SchoolImporter>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<RateLimitCounters>();
        services.AddSingleton<IMailSender, MailKitMailSender>();
        services.AddSingleton<MailQueue>();
        return services;
    }
}
