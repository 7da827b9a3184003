using SupportBot.AccountDirectory;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Dialogs.Commands;
using SupportBot.Bot.Health;
using SupportBot.Bot.PasswordReset;

// Command-line tools, dispatched before the web host is built.
if (DialogCommands.Handles(args)) return await DialogCommands.RunAsync(args, AddServices);

// Options that are SupportBot's own, not ASP.NET Core configuration keys.
var seedDemo = args.Contains("--seed-demo");
args = [.. args.Where(a => a != "--seed-demo")];

var builder = WebApplication.CreateBuilder(args);
AddServices(builder.Services);
builder.Services.AddDirectoryHealthChecks();

var app = builder.Build();
await app.Services.InitializeAccountDirectoryAsync(seedDemo);

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapDirectoryHealthChecks();
app.MapPasswordReset();

await app.RunAsync();
return 0;

// What the service and its command-line tools share (the language feature's registration goes here too).
static void AddServices(IServiceCollection services)
{
    services.AddAccountDirectory();
    services.AddDialogEngine();
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
