using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;
using SupportBot.Bot.Sms;
using SupportBot.Testing;
using Twilio.Exceptions;

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
        await using var twilio = await TwilioRestStandIn.StartAsync();
        await using var factory = Factory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
            ["Twilio:FromNumber"] = "+33757000000",
            ["Twilio:PublicBaseUrl"] = "https://supportbot.example.fr",
        });
        var sender = factory.Services.GetRequiredService<TwilioSmsSender>();

        var outcome = await sender.SendAsync("+33612345678", "Votre demande SB-7KQ4M2 est traitée : réessayez demain.", TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendOutcome.Sent, outcome);
        var call = Assert.Single(twilio.Calls);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", call.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), call.Authorization);
        Assert.Equal(("+33612345678", "+33757000000", "Votre demande SB-7KQ4M2 est traitée : réessayez demain."),
            (call.Form["To"], call.Form["From"], call.Form["Body"]));
        // Twilio is asked to report the delivery to our own endpoint, and the message is on record by its sid.
        Assert.Equal("https://supportbot.example.fr/api/sms/twilio/statut", call.Form["StatusCallback"]);
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContext();
        var delivery = Assert.Single(db.SmsDeliveries);
        Assert.Equal(("queued", (int?)null), (delivery.Status, delivery.DirectorCaseId));
        Assert.StartsWith("SM", delivery.MessageSid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwilioRefuses_FailsWithItsMessage()
    {
        await using var twilio = await TwilioRestStandIn.StartAsync();
        twilio.Answer = _ => 400;
        await using var factory = Factory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
        });
        var sender = factory.Services.GetRequiredService<TwilioSmsSender>();

        var error = await Assert.ThrowsAsync<ApiException>(() => sender.SendAsync("+33612345678", "x", TestContext.Current.CancellationToken));

        Assert.Equal((400, 21211), (error.Status, error.Code));
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
}
