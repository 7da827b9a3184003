using SupportBot.AccountDirectory;
using SupportBot.Bot.AzureBotService;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Commands;
using SupportBot.Bot.Conversations;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.DirectLine;
using SupportBot.Bot.Health;
using SupportBot.Bot.Language;
using SupportBot.Bot.Mail;
using SupportBot.Bot.PasswordReset;
using SupportBot.Bot.Retention;
using SupportBot.Bot.Security;
using SupportBot.Bot.Site;
using SupportBot.Bot.Sms;
using SupportBot.Bot.Workspace;

// The service by default; chat, dialogs, nlu, schools and mail are sub-commands on the same registrations.
return await BotCommandLine.RunAsync(args, AddServices, Terminal.Console, async (hostArgs, seedDemo) =>
{
    var builder = WebApplication.CreateBuilder(hostArgs);
    AddServices(builder.Services);
    builder.Services.AddWebSecurity().AddDirectoryHealthChecks().AddPasswordResetPage().AddDirectLine().AddTwilioSms()
        .AddAzureBotService().AddRetention().AddCaseDispatch().AddMailDelivery().AddWorkspace();

    var app = builder.Build();
    await app.Services.InitializeAccountDirectoryAsync(seedDemo);

    // First, so that every later step (limits, logs) sees the client's own address, and every response has the headers.
    app.UseForwardedHeaders();
    app.UseSecurityHeaders();
    // The pages' scripts, styles and fonts (wwwroot) answered here, before any channel's middleware.
    app.UseStaticFiles();
    // Before the limiter: Web Chat's preflights from the académies' sites are answered without spending a token request.
    app.UseCors();
    // Per client address (as the forwarded headers gave it): the Direct Line token endpoints' policy.
    app.UseRateLimiter();
    // Direct Line's stream; the keep-alive stops proxies from closing a conversation that waits for its parent.
    app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
    // For the Azure Bot Service's signed JWT on /api/messages; the other channels check their own tokens and signatures.
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapSite().MapDirectoryHealthChecks().MapPasswordReset().MapWorkspace().MapNlu();
    app.MapDirectLine();
    app.MapTwilioSms();
    app.MapAzureBotService();
    await app.RunAsync();
    return 0;
});

// What the service and its command-line tools share.
static void AddServices(IServiceCollection services) =>
    services.AddAccountDirectory().AddLanguageUnderstanding().AddDialogEngine().AddChannelBot();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
