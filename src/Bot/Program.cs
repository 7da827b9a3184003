using SupportBot.AccountDirectory;
using SupportBot.Bot.AzureBotService;
using SupportBot.Bot.DirectLine;
using SupportBot.Bot.Health;
using SupportBot.Bot.Language;
using SupportBot.Bot.Sms;

if (args is ["nlu", ..])
{
    return await NluCommand.RunAsync(args);
}

// Options that are SupportBot's own, not ASP.NET Core configuration keys.
var seedDemo = args.Contains("--seed-demo");
args = [.. args.Where(a => a != "--seed-demo")];

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAccountDirectory();
builder.Services.AddDirectoryHealthChecks();
builder.Services.AddDirectLine();
builder.Services.AddTwilioSms();
builder.Services.AddAzureBotService();
builder.Services.AddLanguageUnderstanding();

var app = builder.Build();
await app.Services.InitializeAccountDirectoryAsync(seedDemo);

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapDirectoryHealthChecks();
app.MapDirectLine();
app.MapTwilioSms();
app.MapAzureBotService();
app.MapNlu();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
