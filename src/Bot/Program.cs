using SupportBot.AccountDirectory;
using SupportBot.Bot.AzureBotService;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Conversations;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Dialogs.Commands;
using SupportBot.Bot.DirectLine;
using SupportBot.Bot.Health;
using SupportBot.Bot.Language;
using SupportBot.Bot.Mail;
using SupportBot.Bot.Mail.Commands;
using SupportBot.Bot.PasswordReset;
using SupportBot.Bot.Retention;
using SupportBot.Bot.Schools.Commands;
using SupportBot.Bot.Security;
using SupportBot.Bot.Site;
using SupportBot.Bot.Sms;
using SupportBot.Bot.Workspace;

// Command-line tools, dispatched before the web host is built.
if (args is ["nlu", ..])
{
    return await NluCommand.RunAsync(args);
}

if (DialogCommands.Handles(args))
{
    return await DialogCommands.RunAsync(args, AddServices);
}

if (SchoolCommands.Handles(args))
{
    return await SchoolCommands.RunAsync(args, AddServices);
}

if (MailCommands.Handles(args))
{
    return await MailCommands.RunAsync(args, AddServices);
}

// Options that are SupportBot's own, not ASP.NET Core configuration keys.
var seedDemo = args.Contains("--seed-demo");
args = [.. args.Where(a => a != "--seed-demo")];

var builder = WebApplication.CreateBuilder(args);
AddServices(builder.Services);
builder.Services.AddWebSecurity();
builder.Services.AddDirectoryHealthChecks();
builder.Services.AddPasswordResetPage();
builder.Services.AddDirectLine();
builder.Services.AddTwilioSms();
builder.Services.AddAzureBotService();
builder.Services.AddRetention();
builder.Services.AddCaseDispatch();
builder.Services.AddMailDelivery();
builder.Services.AddWorkspace();

var app = builder.Build();
await app.Services.InitializeAccountDirectoryAsync(seedDemo);

// First, so that every later step (limits, logs) sees the client's own address, and every response has the headers.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseCors();
app.UseRateLimiter();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.UseAuthentication();
app.UseAuthorization();
app.MapSite();
app.MapDirectoryHealthChecks();
app.MapPasswordReset();
app.MapWorkspace();
app.MapDirectLine();
app.MapTwilioSms();
app.MapAzureBotService();
app.MapNlu();

await app.RunAsync();
return 0;

// What the service and its command-line tools share.
static void AddServices(IServiceCollection services)
{
    services.AddAccountDirectory();
    services.AddLanguageUnderstanding();
    services.AddDialogEngine();
    services.AddChannelBot();
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
