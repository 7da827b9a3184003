using System.Globalization;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.Mail;

/// <summary>
/// Two service processes on one directory, both polling the mail queue while a slow SMTP server keeps them busy: every
/// mail asked for leaves exactly once, and both instances take their share.
/// </summary>
public sealed class MailQueueInstancesTests : IDisposable
{
    private const string Secret = "instances-test-secret-0123456789abcdef";
    private const int LookupsPerInstance = 15;

    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-instances-").FullName;

    [Fact]
    public async Task TwoInstances_SendEachQueuedMailOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpTestServer.StartAsync(TimeSpan.FromMilliseconds(100));
        var settings = new Dictionary<string, string>
        {
            ["DirectLine__Secret"] = Secret,
            ["Mail__Queue__PollMilliseconds"] = "100",
            ["Mail__Mode"] = "Smtp",
            ["Mail__Smtp__Host"] = smtp.Host,
            ["Mail__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
            ["Dialogs__LookupsPerClientAddress"] = "10000",
            ["Dialogs__LookupsPerTarget"] = "10000",
        };
        await using var first = await BotProcess.StartAsync(_folder, settings);
        await using var second = await BotProcess.StartAsync(_folder, settings);

        for (var i = 0; i < LookupsPerInstance; i++)
        {
            foreach (var bot in new[] { first, second })
            {
                var conversation = await DirectLineConversation.StartAsync(bot.Http, Secret, cancellationToken);
                await conversation.SendAsync("j'ai oublié mon identifiant", cancellationToken);
                await conversation.SendAsync("valery.durant@example.fr", cancellationToken);
            }
        }

        await smtp.WaitForMessageAsync(_ => smtp.Messages().Count >= 2 * LookupsPerInstance, TimeSpan.FromSeconds(60));

        // A few more polls of both: a mail sent twice would arrive now.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var mails = smtp.Messages();
        Assert.Equal(2 * LookupsPerInstance, mails.Count);
        Assert.Equal(2 * LookupsPerInstance, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.All(mails, m => Assert.Equal("valery.durant@example.fr", m.To.Mailboxes.Single().Address));
        var sentByFirst = Sent(first);
        var sentBySecond = Sent(second);
        Assert.Equal(2 * LookupsPerInstance, sentByFirst + sentBySecond);
        Assert.True(sentByFirst > 0 && sentBySecond > 0, $"One instance sent everything ({sentByFirst} and {sentBySecond}): they did not share the queue.");
    }

    // The sender logs each mail it sent (masked), on the process's console.
    private static int Sent(BotProcess bot) =>
        bot.Output.Split('\n').Count(l => l.Contains("Mail envoyer-identifiant sent to v***@example.fr", StringComparison.Ordinal));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }
}
