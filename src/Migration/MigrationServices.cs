using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.AccountDirectory;
using SupportBot.Migration.Export;
using SupportBot.Migration.Notify;
using SupportBot.Migration.Run;

namespace SupportBot.Migration;

/// <summary>The program's services: the account directory as configured, and the migration's own.</summary>
internal static class MigrationServices
{
    /// <summary>appsettings.json beside the program, then environment variables (Directory__Provider...), then <paramref name="overrides"/> (tests).</summary>
    public static ServiceProvider Build(IDictionary<string, string?>? overrides, TimeProvider? time)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging"))
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddFilter((_, level) => level >= LogLevel.Warning));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddAccountDirectory();
        services.AddOptions<MigrationOptions>()
            .BindConfiguration(MigrationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SiecleMigrationRunner>();
        services.AddScoped<AccountNotifier>();
        services.AddScoped<AccountsExporter>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
