using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace SupportBot.Bot.Commands;

/// <summary>The service's configuration (appsettings, environment) and registrations, without the web server; logs go to standard error.</summary>
internal static class CommandHost
{
    public static IHost Build(Action<IServiceCollection> addServices, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        // appsettings.json from beside the program, wherever the command is started from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // After appsettings' Logging section, so that the terminal shows warnings and errors only.
        builder.Services.PostConfigure<LoggerFilterOptions>(o =>
        {
            o.Rules.Clear();
            o.MinLevel = LogLevel.Warning;
        });
        addServices(builder.Services);
        return builder.Build();
    }
}
