using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Sms;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Sms;

/// <summary>
/// A director resolves the case a parent opened by SMS: the parent gets a text through Twilio's REST API (a local
/// stand-in), from the real directory, dialogs' texts and polling service.
/// </summary>
public sealed class CaseResolvedSmsServiceTests : IAsyncLifetime
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string PublicBase = "https://supportbot.example.fr";
    private const string BotNumber = "+33757000000";
    private const string Parent = "+33611111111";
    private readonly List<BotFactory> _factories = [];
    private readonly LogCapture _logs = new();
    private TwilioRestStandIn _twilio = null!;
    private int _sid;

    public async ValueTask InitializeAsync() => _twilio = await TwilioRestStandIn.StartAsync();

    [Fact]
    public async Task CaseOpenedBySmsThenResolved_TextsTheParentOnce()
    {
        var factory = Factory();
        using var client = factory.CreateClient();
        await TextAsync(client, "numéro pas reconnu");
        await TextAsync(client, "1");
        await TextAsync(client, "Anne Le Goff");
        await TextAsync(client, "Maëlle Le Goff");
        await TextAsync(client, "0352207J");
        await TextAsync(client, "1");
        var opened = await TextAsync(client, "06 11 11 11 11");
        var reference = Assert.Single(await CasesAsync(factory)).Reference;
        Assert.Contains(reference, opened, StringComparison.Ordinal);

        var beforeResolution = await Service(factory).RunOnceAsync(Token);
        Assert.True(await ResolveAsync(factory, reference));
        var first = await Service(factory).RunOnceAsync(Token);
        var second = await Service(factory).RunOnceAsync(Token);

        Assert.Equal((0, 1, 0), (beforeResolution, first, second));
        var call = Assert.Single(_twilio.Calls);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", call.Path);
        Assert.Equal((Parent, BotNumber), (call.Form["To"], call.Form["From"]));
        Assert.Contains($"votre demande {reference} est traitée", call.Form["Body"], StringComparison.Ordinal);
        Assert.Contains("ONDE", call.Form["Body"], StringComparison.Ordinal);
        Assert.Equal(factory.Time.GetUtcNow(), Assert.Single(await CasesAsync(factory)).ParentNotifiedAt);
    }

    [Theory]
    [InlineData(DirectorCaseKind.PhoneMismatch, "corrigé vos informations dans ONDE", "à partir de demain")]
    [InlineData(DirectorCaseKind.BirthDateMismatch, "corrigé vos informations dans ONDE", "pendant la nuit")]
    [InlineData(DirectorCaseKind.LostNotification, "notifié votre compte EduConnect", "mot de passe provisoire par courriel ou sur papier")]
    [InlineData(DirectorCaseKind.LostTemporaryPassword, "notifié votre compte EduConnect", "identifiant et un mot de passe provisoire")]
    [InlineData(DirectorCaseKind.NoMobilePhone, "notifié votre compte EduConnect", "identifiant et un mot de passe provisoire")]
    [InlineData(DirectorCaseKind.Other, "traitée par l'école", "adressez-vous directement à l'école")]
    public async Task ResolvedCase_TextsTheWordsOfItsKindInAtMostTwoGsm7Segments(DirectorCaseKind kind, string expected, string alsoExpected)
    {
        var factory = Factory();
        var reference = await OpenAsync(factory, kind, "sms", Parent);
        await ResolveAsync(factory, reference);

        await Service(factory).RunOnceAsync(Token);

        var body = Assert.Single(_twilio.Calls).Form["Body"];
        Assert.Contains(reference, body, StringComparison.Ordinal);
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.Contains(alsoExpected, body, StringComparison.Ordinal);
        var measure = SmsText.Measure(body);
        Assert.Equal(SmsEncoding.Gsm7, measure.Encoding);
        Assert.InRange(measure.Segments, 1, 2);
    }

    [Fact]
    public async Task TwilioAnswers500_NothingIsLostAndTheNextPollSendsIt()
    {
        _twilio.Answer = call => call == 1 ? 500 : null;
        var factory = Factory();
        var reference = await OpenAsync(factory, DirectorCaseKind.LostNotification, "sms", Parent);
        await ResolveAsync(factory, reference);

        var failed = await Service(factory).RunOnceAsync(Token);
        var notifiedAfterFailure = Assert.Single(await CasesAsync(factory)).ParentNotifiedAt;
        var retried = await Service(factory).RunOnceAsync(Token);
        var afterwards = await Service(factory).RunOnceAsync(Token);

        Assert.Equal((0, 1, 0), (failed, retried, afterwards));
        Assert.Null(notifiedAfterFailure);
        Assert.Equal(2, _twilio.Calls.Count);
        Assert.All(_twilio.Calls, call => Assert.Equal(Parent, call.Form["To"]));
        Assert.NotNull(Assert.Single(await CasesAsync(factory)).ParentNotifiedAt);
        var warning = Assert.Single(_logs.Messages, m => m.Contains("retried at the next poll", StringComparison.Ordinal));
        Assert.Contains("+336******11", warning, StringComparison.Ordinal);
        Assert.Contains("Twilio answered 500", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(Parent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InstanceDiedHoldingTheClaim_AnotherSendsOnceTheClaimLapses()
    {
        var factory = Factory();
        var reference = await OpenAsync(factory, DirectorCaseKind.LostTemporaryPassword, "sms", Parent);
        await ResolveAsync(factory, reference);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContextAsync(Token))
        {
            // What an instance killed between its claim and its send leaves behind.
            var claimedUntil = factory.Time.GetUtcNow().AddMinutes(5);
            await db.DirectorCases.Where(c => c.Reference == reference)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentNotificationClaimedUntil, claimedUntil), Token);
        }

        var whileClaimed = await Service(factory).RunOnceAsync(Token);
        var callsWhileClaimed = _twilio.Calls.Count;

        // Past the claim, whichever poll comes first (this one, or the host's own loop, woken by the clock) sends it and
        // marks it sent.
        factory.Time.Advance(TimeSpan.FromMinutes(6));
        for (var i = 0; i < 100 && (await CasesAsync(factory)).Single().ParentNotifiedAt is null; i++)
        {
            await Service(factory).RunOnceAsync(Token);
            await Task.Delay(20, Token);
        }

        var again = await Service(factory).RunOnceAsync(Token);

        Assert.Equal((0, 0, 0), (whileClaimed, callsWhileClaimed, again));
        Assert.Contains(reference, Assert.Single(_twilio.Calls).Form["Body"], StringComparison.Ordinal);
        var settled = Assert.Single(await CasesAsync(factory));
        Assert.Equal((factory.Time.GetUtcNow(), (DateTimeOffset?)null), (settled.ParentNotifiedAt!.Value, settled.ParentNotificationClaimedUntil));
    }

    [Fact]
    public async Task TwilioRefusesTheNumber_IsNotAskedAgainEveryPoll()
    {
        _twilio.Answer = _ => 400;
        var factory = Factory();
        var reference = await OpenAsync(factory, DirectorCaseKind.Other, "sms", Parent);
        await ResolveAsync(factory, reference);

        await Service(factory).RunOnceAsync(Token);
        await Service(factory).RunOnceAsync(Token);

        Assert.Single(_twilio.Calls);
        var error = Assert.Single(_logs.Messages, m => m.Contains("not retried", StringComparison.Ordinal));
        Assert.Contains("error 21211", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(Parent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliveryFailed_IsLoggedMaskedAndShownInTheCaseHistory()
    {
        var (factory, reference, sid) = await SentAsync();
        using var client = factory.CreateClient();

        var sent = await StatusAsync(client, sid, "sent");
        var failed = await StatusAsync(client, sid, "undelivered", "30003");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (sent, failed));
        var delivery = await DeliveryAsync(factory, sid);
        Assert.Equal(("undelivered", (int?)30003), (delivery.Status, delivery.ErrorCode));
        var log = Assert.Single(_logs.Messages, m => m.Contains("not delivered", StringComparison.Ordinal));
        Assert.Contains(sid, log, StringComparison.Ordinal);
        Assert.Contains("30003", log, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(Parent, StringComparison.Ordinal));
        // The director reads it in the case's history.
        Assert.Contains("SMS au parent non remis (erreur 30003)", await HistoryAsync(factory, reference), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivered_IsRecordedAndAnEarlierStatusArrivingLateChangesNothing()
    {
        var (factory, reference, sid) = await SentAsync();
        using var client = factory.CreateClient();

        await StatusAsync(client, sid, "delivered");
        await StatusAsync(client, sid, "sent");

        Assert.Equal("delivered", (await DeliveryAsync(factory, sid)).Status);
        Assert.DoesNotContain("non remis", await HistoryAsync(factory, reference), StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains("not delivered", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("forged")]
    [InlineData("signed for another URL")]
    public async Task UnsignedOrForgedStatus_IsRefusedAndNothingRecorded(string how)
    {
        var (factory, reference, sid) = await SentAsync();
        using var client = factory.CreateClient();

        var status = await StatusAsync(client, sid, "failed", "30005", how);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(("queued", (int?)null), ((await DeliveryAsync(factory, sid)).Status, (await DeliveryAsync(factory, sid)).ErrorCode));
        Assert.DoesNotContain("non remis", await HistoryAsync(factory, reference), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumberSentStop_GetsNothing()
    {
        var factory = Factory();
        using var client = factory.CreateClient();
        var reference = await OpenAsync(factory, DirectorCaseKind.PhoneMismatch, "sms", Parent);
        await TextAsync(client, "STOP");
        await ResolveAsync(factory, reference);

        var sent = await Service(factory).RunOnceAsync(Token);
        await Service(factory).RunOnceAsync(Token);

        Assert.Equal(0, sent);
        Assert.Empty(_twilio.Calls);
    }

    [Fact]
    public async Task WebChatOpenOrWeekOldCases_GetNothing()
    {
        var factory = Factory();
        var webChat = await OpenAsync(factory, DirectorCaseKind.PhoneMismatch, "webchat", null);
        await OpenAsync(factory, DirectorCaseKind.PhoneMismatch, "sms", Parent);
        var old = await OpenAsync(factory, DirectorCaseKind.Other, "sms", "+33622222222");
        await ResolveAsync(factory, old);
        await ResolveAsync(factory, webChat);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContextAsync(Token))
        {
            var eightDaysAgo = factory.Time.GetUtcNow().AddDays(-8);
            await db.DirectorCases.Where(c => c.Reference == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedAt, eightDaysAgo), Token);
        }

        var sent = await Service(factory).RunOnceAsync(Token);

        Assert.Equal(0, sent);
        Assert.Empty(_twilio.Calls);
    }

    [Fact]
    public async Task WithoutCredentials_TheSmsLandsInTheOutbox()
    {
        var factory = Factory(credentials: false);
        var reference = await OpenAsync(factory, DirectorCaseKind.NoMobilePhone, "sms", Parent);
        await ResolveAsync(factory, reference);

        await Service(factory).RunOnceAsync(Token);

        Assert.Empty(_twilio.Calls);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(factory.Folder, "sms-outbox"), "sms-*.json"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, Token));
        Assert.Equal(Parent, json.RootElement.GetProperty("to").GetString());
        Assert.Contains(reference, json.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostedService_PollsOnItsOwnEveryConfiguredPeriod()
    {
        var factory = Factory(pollSeconds: 45);
        var reference = await OpenAsync(factory, DirectorCaseKind.BirthDateMismatch, "sms", Parent);
        await ResolveAsync(factory, reference);

        // The loop starts in the background: keep moving the clock a period at a time until it has polled.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_twilio.Calls.IsEmpty && DateTime.UtcNow < deadline)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(45));
            await Task.Delay(50, Token);
        }

        var call = Assert.Single(_twilio.Calls);
        Assert.Contains(reference, call.Form["Body"], StringComparison.Ordinal);
    }

    [Fact]
    public void PollPeriodOutOfRange_FailsAtStartWithTheKey()
    {
        var factory = new BotFactory(settings: new Dictionary<string, string?> { ["Twilio:CaseNotificationPollSeconds"] = "0" });
        _factories.Add(factory);

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("CaseNotificationPollSeconds", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
            BotFactory.DeleteFolder(factory.Folder);
        }

        await _twilio.DisposeAsync();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A case opened by SMS, resolved, and its parent texted through the stand-in: the message's sid.</summary>
    private async Task<(BotFactory Factory, string Reference, string Sid)> SentAsync()
    {
        var factory = Factory();
        var reference = await OpenAsync(factory, DirectorCaseKind.Other, "sms", Parent);
        await ResolveAsync(factory, reference);
        Assert.Equal(1, await Service(factory).RunOnceAsync(Token));
        Assert.Equal(PublicBase + TwilioStatusEndpoints.Path, Assert.Single(_twilio.Calls).Form["StatusCallback"]);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContextAsync(Token);
        return (factory, reference, Assert.Single(await db.SmsDeliveries.ToListAsync(Token)).MessageSid);
    }

    /// <summary>Posts Twilio's status callback for <paramref name="sid"/>, signed as Twilio signs (or not, as <paramref name="how"/> says).</summary>
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string sid, string status, string? errorCode = null, string how = "signed")
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["From"] = BotNumber,
            ["MessageSid"] = sid,
            ["MessageStatus"] = status,
            ["SmsSid"] = sid,
            ["SmsStatus"] = status,
            ["To"] = Parent,
        };
        if (errorCode is not null)
        {
            form["ErrorCode"] = errorCode;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioStatusEndpoints.Path) { Content = new FormUrlEncodedContent(form) };
        var signature = how switch
        {
            "signed" => TwilioTestSignature.Compute(AuthToken, PublicBase + TwilioStatusEndpoints.Path, form),
            "forged" => TwilioTestSignature.Compute("another-token-another-token-1234", PublicBase + TwilioStatusEndpoints.Path, form),
            "signed for another URL" => TwilioTestSignature.Compute(AuthToken, PublicBase + TwilioSmsEndpoints.Path, form),
            _ => null,
        };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        using var response = await client.SendAsync(request, Token);
        return response.StatusCode;
    }

    private static async Task<AccountDirectory.Channels.SmsDelivery> DeliveryAsync(BotFactory factory, string sid)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContextAsync(Token);
        return await db.SmsDeliveries.AsNoTracking().SingleAsync(d => d.MessageSid == sid, Token);
    }

    /// <summary>The case's history as the director's page renders it.</summary>
    private static async Task<string> HistoryAsync(BotFactory factory, string reference)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var directorCase = await scope.ServiceProvider.GetRequiredService<DirectorCaseService>().FindWithEventsAsync(reference, Token);
        return WebUtility.HtmlDecode(new SupportBot.Bot.Workspace.WorkspaceHtml(factory.Services.GetRequiredService<DialogCatalog>().Texts).History(directorCase!));
    }

    private BotFactory Factory(bool credentials = true, int pollSeconds = 30)
    {
        var folder = Directory.CreateTempSubdirectory("supportbot-case-sms-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:OutboxDirectory"] = Path.Combine(folder, "sms-outbox"),
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBase,
            ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl,
            ["Twilio:FromNumber"] = BotNumber,
            ["Twilio:CaseNotificationPollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (credentials)
        {
            settings["Twilio:AccountSid"] = AccountSid;
        }

        var factory = new BotFactory(folder, settings, services => services.AddSingleton<ILoggerProvider>(_logs));
        _factories.Add(factory);
        _ = factory.Server;
        return factory;
    }

    private static CaseResolvedSmsService Service(BotFactory factory) => factory.Services.GetRequiredService<CaseResolvedSmsService>();

    private static async Task<string> OpenAsync(BotFactory factory, DirectorCaseKind kind, string channel, string? address)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<DirectorCaseService>()
            .OpenAsync(new NewDirectorCase(kind, channel, address, SchoolGiven: "0352207J"), Token);
        return opened.Case!.Reference;
    }

    private static async Task<bool> ResolveAsync(BotFactory factory, string reference)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectorCaseService>().ResolveAsync(reference, Token);
    }

    private static async Task<List<DirectorCase>> CasesAsync(BotFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContextAsync(Token);
        return await db.DirectorCases.AsNoTracking().ToListAsync(Token);
    }

    private async Task<string> TextAsync(HttpClient client, string body)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid,
            ["Body"] = body,
            ["From"] = Parent,
            ["MessageSid"] = $"SM{++_sid:D32}",
            ["To"] = BotNumber,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsEndpoints.Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioTestSignature.Compute(AuthToken, PublicBase + TwilioSmsEndpoints.Path, form));
        using var response = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return string.Join("\n", xml.Root!.Elements("Message").Select(m => m.Value));
    }

    /// <summary>What the service logs, as an operator reads it.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
        }
    }
}
