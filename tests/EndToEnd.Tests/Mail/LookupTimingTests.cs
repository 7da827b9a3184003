using System.Globalization;
using MimeKit;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.Mail;

/// <summary>
/// Whether the time of a look-up tells that an account exists, measured against the started service over Direct Line,
/// in both mail modes. The known address and an unknown one of the same length are looked up 120 times each, in pairs
/// whose order is drawn (seeded), after 10 of each to warm up; the time is the POST of the address, which returns once the
/// turn is over. The two samples are compared with the Mann–Whitney U test, two-sided: the test fails when p &lt; 0.001.
/// Why it does not flake: the turn runs the same code for both, so p is uniform under that hypothesis and a false alarm
/// comes once in 1,000 runs; a busy machine slows both kinds alike, since they alternate in random order; the mail
/// worker polls on its own clock, not after the known turns. Before the queue (mail sent in the turn) the same test gave
/// p far below 1e-10 in both modes (a 200 ms SMTP server: about 207 ms against 3 ms; the outbox: 0.5-0.9 ms slower).
/// The known address must also receive every mail it asked for: the queue works.
/// </summary>
public sealed class LookupTimingTests : IDisposable
{
    private const string Secret = "timing-test-secret-0123456789abcdef";
    private const string Known = "valery.durant@example.fr";
    private const string Unknown = "valery.durand@example.fr";
    private const int WarmUp = 10;
    private const int Tries = 120;
    private const double Alpha = 0.001;

    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-timing-").FullName;

    [Theory]
    [InlineData("Pickup")]
    [InlineData("Smtp")]
    public async Task KnownAndUnknownAddress_TakeTheSameTime(string mode)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var smtp = mode == "Smtp" ? await SmtpTestServer.StartAsync(TimeSpan.FromMilliseconds(200)) : null;
        await using var bot = await BotProcess.StartAsync(_folder, Settings(smtp));
        var random = new Random(15);
        var known = new List<double>();
        var unknown = new List<double>();
        var replies = new HashSet<string>();

        for (var i = 0; i < WarmUp; i++)
        {
            await LookUpAsync(bot, Known, cancellationToken);
            await LookUpAsync(bot, Unknown, cancellationToken);
        }

        for (var i = 0; i < Tries; i++)
        {
            foreach (var address in random.Next(2) == 0 ? new[] { Known, Unknown } : [Unknown, Known])
            {
                var (milliseconds, reply) = await LookUpAsync(bot, address, cancellationToken);
                (address == Known ? known : unknown).Add(milliseconds);
                replies.Add(reply);
            }
        }

        var p = MannWhitneyU.TwoSidedP(known, unknown);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{mode}: median known {MannWhitneyU.Median(known):0.00} ms, unknown {MannWhitneyU.Median(unknown):0.00} ms, Mann–Whitney p = {p:G3}");
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Assert.True(p >= Alpha, $"The time tells: {figures}.");
        Assert.Contains("Si un compte est rattaché à cette adresse, un courriel vient de partir", Assert.Single(replies), StringComparison.Ordinal);
        var mails = await WaitForMailsAsync(smtp, WarmUp + Tries, cancellationToken);
        Assert.All(mails, m => Assert.Equal(Known, m.To.Mailboxes.Single().Address));
        Assert.All(mails, m => Assert.Contains("v.durant1", m.TextBody, StringComparison.Ordinal));
    }

    private Dictionary<string, string> Settings(SmtpTestServer? smtp)
    {
        var settings = new Dictionary<string, string>
        {
            ["DirectLine__Secret"] = Secret,
            ["Mail__Queue__PollMilliseconds"] = "200",
            ["Logging__LogLevel__Default"] = "Warning",

            // One client address looks the same two addresses up hundreds of times (each in a conversation of its own,
            // with a user of its own): the limits per address and per target would answer instead.
            ["Dialogs__LookupsPerClientAddress"] = "10000",
            ["Dialogs__LookupsPerTarget"] = "10000",
        };
        if (smtp is not null)
        {
            settings["Mail__Mode"] = "Smtp";
            settings["Mail__Smtp__Host"] = smtp.Host;
            settings["Mail__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            settings["Mail__Smtp__Security"] = "None";
        }

        return settings;
    }

    /// <summary>One look-up in a new conversation; how long the POST of the address took, and the bot's answer to it.</summary>
    private static async Task<(double Milliseconds, string Reply)> LookUpAsync(BotProcess bot, string address, CancellationToken cancellationToken)
    {
        var conversation = await DirectLineConversation.StartAsync(bot.Http, Secret, cancellationToken);
        await conversation.SendAsync("j'ai oublié mon identifiant", cancellationToken);
        var started = TimeProvider.System.GetTimestamp();
        var id = await conversation.SendAsync(address, cancellationToken);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var reply = string.Join("\n", await conversation.RepliesToAsync(id, cancellationToken));
        return (elapsed.TotalMilliseconds, reply);
    }

    /// <summary>Waits until <paramref name="count"/> mails have arrived (the worker sends at its pace, the SMTP server answers in 200 ms each).</summary>
    private async Task<IReadOnlyList<MimeMessage>> WaitForMailsAsync(SmtpTestServer? smtp, int count, CancellationToken cancellationToken)
    {
        var outbox = Path.Combine(_folder, "data", "outbox");
        IReadOnlyList<MimeMessage> Received() => smtp is not null
            ? smtp.Messages()
            : Directory.Exists(outbox) ? [.. Directory.GetFiles(outbox, "*.eml").Select(f => MimeMessage.Load(f))] : [];

        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(120);
        while (Received().Count < count && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(250, cancellationToken);
        }

        var mails = Received();
        Assert.Equal(count, mails.Count);
        return mails;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }
}
