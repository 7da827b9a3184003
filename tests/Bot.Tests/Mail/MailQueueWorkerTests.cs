using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Tests.Dialogs;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Mail;

/// <summary>The mail worker on a real SQLite file and a real SMTP server (or none listening): retries, restarts, two instances.</summary>
public sealed class MailQueueWorkerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-mailqueue-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ServerDown_TheMailWaitsItsBackoff_AndLeavesAfterARestart()
    {
        int sentWhileDown;
        await using (var first = await BotTestHost.StartAsync(Smtp(SmtpTestServer.FreePort()), _folder, time: _time))
        {
            await first.Conversation().Send("identifiant oublié").AssertReply("adresse").Send("valery.durant@example.fr").AssertReply("Si un compte");
            sentWhileDown = await first.DeliverMailAsync();
        }

        await using var smtp = await SmtpTestServer.StartAsync();
        await using var second = await BotTestHost.StartAsync(Smtp(smtp.Port), _folder, seedDemo: false, time: _time);
        var sentBeforeTheBackoff = await second.DeliverMailAsync();
        _time.Advance(TimeSpan.FromSeconds(60));
        var sentAfterTheBackoff = await second.DeliverMailAsync();

        Assert.Equal((0, 0, 1), (sentWhileDown, sentBeforeTheBackoff, sentAfterTheBackoff));
        var mail = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "valery.durant@example.fr"));
        Assert.Contains("v.durant1", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(smtp.Messages());
        Assert.Empty(await QueuedAsync(second));
    }

    [Fact]
    public async Task EveryAttemptFailing_TheMailIsGivenUp_WithoutItsAddress()
    {
        var settings = Smtp(SmtpTestServer.FreePort());
        settings["Mail:Queue:MaxAttempts"] = "3";
        await using var bot = await BotTestHost.StartAsync(settings, _folder, time: _time);
        await bot.Conversation().Send("identifiant oublié").AssertReply("adresse").Send("valery.durant@example.fr").AssertReply("Si un compte");

        await bot.DeliverMailAsync();
        _time.Advance(TimeSpan.FromSeconds(60));
        await bot.DeliverMailAsync();
        var waiting = Assert.Single(await QueuedAsync(bot));
        _time.Advance(TimeSpan.FromSeconds(119));
        await bot.DeliverMailAsync();
        var stillWaiting = Assert.Single(await QueuedAsync(bot));
        _time.Advance(TimeSpan.FromSeconds(1));
        await bot.DeliverMailAsync();
        _time.Advance(TimeSpan.FromHours(1));
        await bot.DeliverMailAsync();

        Assert.Equal((QueuedMailStatus.Pending, 2, "valery.durant@example.fr"), (waiting.Status, waiting.Attempts, waiting.Target));
        Assert.Equal(2, stillWaiting.Attempts);
        var failed = Assert.Single(await QueuedAsync(bot));
        Assert.Equal((QueuedMailStatus.Failed, 3, null, "v***@example.fr"), (failed.Status, failed.Attempts, failed.Target, failed.MaskedTarget));
        Assert.Equal("SocketException", failed.LastError);
    }

    [Fact]
    public async Task TwoInstancesPolling_SendEachMailOnce()
    {
        await using var first = await BotTestHost.StartAsync(null, _folder, time: _time);
        await using var second = await BotTestHost.StartAsync(null, _folder, seedDemo: false, time: _time);
        var queue = first.Services.GetRequiredService<MailQueue>();
        for (var i = 0; i < 40; i++)
        {
            await queue.EnqueueAsync(SendIdentifierAction.ActionName, "valery.durant@example.fr", "v***@example.fr", TestContext.Current.CancellationToken);
        }

        var sent = await Task.WhenAll(
            Task.Run(first.DeliverMailAsync, TestContext.Current.CancellationToken),
            Task.Run(second.DeliverMailAsync, TestContext.Current.CancellationToken));

        Assert.Equal(40, sent.Sum());
        var outbox = await LostIdentifierDialogTests.OutboxAsync(first);
        Assert.Equal(40, outbox.Count);
        Assert.Equal(40, outbox.Select(m => m.MessageId).Distinct().Count());
        Assert.Empty(await QueuedAsync(first));
    }

    private static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Mail:Mode"] = "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    private static async Task<List<QueuedMail>> QueuedAsync(BotTestHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().QueuedMails.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }
}
