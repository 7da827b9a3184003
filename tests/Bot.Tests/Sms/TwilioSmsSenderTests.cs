using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;
using SupportBot.Bot.Sms;

namespace SupportBot.Bot.Tests.Sms;

/// <summary>Outbound SMS through Twilio's REST Messages API, against a local server speaking that protocol.</summary>
public sealed class TwilioSmsSenderTests : IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private readonly List<string> _folders = [];

    [Fact]
    public async Task WithCredentials_PostsToTheMessagesApiWithBasicAuth()
    {
        var received = new ConcurrentQueue<(string Path, string? Authorization, Dictionary<string, string> Form)>();
        await using var twilio = await StartFakeTwilioAsync(received);
        await using var factory = Factory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = twilio.Urls.First(),
            ["Twilio:FromNumber"] = "+33757000000",
        });
        var sender = factory.Services.GetRequiredService<TwilioSmsSender>();

        var outcome = await sender.SendAsync("+33612345678", "Votre demande SB-7KQ4M2 est traitée : réessayez demain.", TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendOutcome.Sent, outcome);
        var call = Assert.Single(received);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", call.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), call.Authorization);
        Assert.Equal(("+33612345678", "+33757000000", "Votre demande SB-7KQ4M2 est traitée : réessayez demain."),
            (call.Form["To"], call.Form["From"], call.Form["Body"]));
    }

    [Fact]
    public async Task TwilioRefuses_FailsWithItsMessage()
    {
        var received = new ConcurrentQueue<(string Path, string? Authorization, Dictionary<string, string> Form)>();
        await using var twilio = await StartFakeTwilioAsync(received, refuse: true);
        await using var factory = Factory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = twilio.Urls.First(),
        });
        var sender = factory.Services.GetRequiredService<TwilioSmsSender>();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync("+33612345678", "x", TestContext.Current.CancellationToken));

        Assert.Contains("21211", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutCredentials_WritesToTheOutbox()
    {
        await using var factory = Factory(new Dictionary<string, string?>());
        var sender = factory.Services.GetRequiredService<TwilioSmsSender>();

        var outcome = await sender.SendAsync("+33612345678", "Bonjour", TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendOutcome.WrittenToOutbox, outcome);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(factory.Folder, "outbox"), "sms-*.json"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal(("+33612345678", "Bonjour"), (json.RootElement.GetProperty("to").GetString(), json.RootElement.GetProperty("body").GetString()));
    }

    [Fact]
    public async Task OptedOutNumber_GetsNothing()
    {
        await using var factory = Factory(new Dictionary<string, string?>());
        await using (var db = factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContext())
        {
            db.SmsOptOuts.Add(new SmsOptOut { Phone = "+33612345678", OptedOutAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var outcome = await factory.Services.GetRequiredService<TwilioSmsSender>().SendAsync("+33612345678", "Bonjour", TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendOutcome.OptedOut, outcome);
        Assert.False(Directory.Exists(Path.Combine(factory.Folder, "outbox")) && Directory.EnumerateFiles(Path.Combine(factory.Folder, "outbox")).Any());
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            BotFactory.DeleteFolder(folder);
        }
    }

    private BotFactory Factory(Dictionary<string, string?> settings)
    {
        var folder = Directory.CreateTempSubdirectory("supportbot-sms-").FullName;
        _folders.Add(folder);
        settings["Twilio:OutboxDirectory"] = Path.Combine(folder, "outbox");
        var factory = new BotFactory(folder, settings);
        _ = factory.Server;
        return factory;
    }

    private static async Task<WebApplication> StartFakeTwilioAsync(
        ConcurrentQueue<(string Path, string? Authorization, Dictionary<string, string> Form)> received, bool refuse = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            received.Enqueue((context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(),
                form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return refuse
                ? Results.Json(new { code = 21211, message = "The 'To' number is not a valid phone number.", status = 400 }, statusCode: 400)
                : Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" }, statusCode: 201);
        });
        await app.StartAsync();
        return app;
    }
}
