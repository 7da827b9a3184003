using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Conversations;
using SupportBot.Bot.Sms;
using SupportBot.Bot.Tests.DirectLine;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Sms;

public sealed class TwilioSmsEndpointsTests : IDisposable
{
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string PublicUrl = "https://supportbot.example.fr/api/sms/twilio";
    private readonly List<string> _folders = [];
    private readonly CountingBot _bot = new();

    [Fact]
    public async Task SignedByTwilioNode_IsAnsweredWithTwiml()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var form = Webhook("SM001", "j'ai oublié mon mot de passe");
        var oracle = await NodeOracle.RunAsync("twilio-signature.js", new[] { new { authToken = AuthToken, url = PublicUrl, @params = form } });

        using var response = await PostAsync(client, form, oracle[0]!["signature"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Écho : j'ai oublié mon mot de passe"], await MessagesAsync(response));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tampered")]
    public async Task BadSignature_Gets403AndNothingIsProcessed(string? signature)
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var form = Webhook("SM002", "bonjour");
        signature = signature == "tampered" ? TwilioTestSignature.Compute(AuthToken, PublicUrl, Webhook("SM002", "STOP")) : signature;

        using var response = await PostAsync(client, form, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _bot.Calls);
        await using var db = Db(factory);
        Assert.Equal(0, await db.SmsMessages.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TwilioRetryOfTheSameMessageSid_IsAnsweredOnce()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var form = Webhook("SM003", "bonjour");

        using var first = await PostAsync(client, form, Sign(form));
        using var retry = await PostAsync(client, form, Sign(form));

        Assert.Equal(1, _bot.Calls);
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneMessageSid_AllGetTheFirstAnswer_TheTurnRunsOnce()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var form = Webhook("SM004", "bonjour");

        // The bot takes a while, as a real turn does: the retries arrive while the first request is still answering.
        _bot.Delay = TimeSpan.FromMilliseconds(500);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await PostAsync(client, form, Sign(form));
            return (response.StatusCode, Messages: await MessagesAsync(response));
        }));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.All(answers, answer => Assert.Equal(["Écho : bonjour"], answer.Messages));
        Assert.Equal(1, _bot.Calls);
    }

    [Fact]
    public async Task TurnThatFailed_IsRunAgainByTwiliosRetry()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var form = Webhook("SM005", "bonjour");

        _bot.FailNext = true;
        using var failed = await PostAsync(client, form, Sign(form));
        using var retry = await PostAsync(client, form, Sign(form));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(["Écho : bonjour"], await MessagesAsync(retry));
        Assert.Equal(2, _bot.Calls);
    }

    [Fact]
    public async Task Stop_SilencesTheNumberUntilStart()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var stop = await MessagesAsync(await PostAsync(client, Webhook("SM010", "Arrêt"), Sign(Webhook("SM010", "Arrêt"))));
        var silenced = await MessagesAsync(await PostAsync(client, Webhook("SM011", "bonjour"), Sign(Webhook("SM011", "bonjour"))));
        var start = await MessagesAsync(await PostAsync(client, Webhook("SM012", "START"), Sign(Webhook("SM012", "START"))));
        var again = await MessagesAsync(await PostAsync(client, Webhook("SM013", "bonjour"), Sign(Webhook("SM013", "bonjour"))));

        Assert.Equal(["Vous ne recevrez plus de SMS de l'assistant. Envoyez START pour reprendre."], stop);
        Assert.Empty(silenced);
        Assert.Equal(["Écho : menu"], start);
        Assert.Equal(["Écho : bonjour"], again);
        Assert.Equal(["menu", "bonjour"], _bot.Texts);
    }

    [Fact]
    public async Task Aide_AsksTheBotForTheMenu()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var reply = await MessagesAsync(await PostAsync(client, Webhook("SM020", "aide"), Sign(Webhook("SM020", "aide"))));

        Assert.Equal(["Écho : menu"], reply);
    }

    [Fact]
    public async Task RepliesAvoidCharactersThatForceUcs2()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var reply = await MessagesAsync(await PostAsync(client, Webhook("SM030", "« ça »"), Sign(Webhook("SM030", "« ça »"))));

        Assert.Equal(["Écho : \" ca \""], reply);
        Assert.Equal(SmsEncoding.Gsm7, SmsText.Measure(reply[0]).Encoding);
    }

    [Theory]
    [InlineData("application/json", "{\"Body\":\"x\"}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", "From=%2B33612345678&To=%2B33757000000", HttpStatusCode.BadRequest)]
    [InlineData("application/x-www-form-urlencoded", "MessageSid=SM1&From=%2B33612345678&Body=a%00b", HttpStatusCode.BadRequest)]
    [InlineData("multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nbonj", HttpStatusCode.BadRequest)]
    [InlineData("application/x-www-form-urlencoded", "MessageSid=SM1&From=abcdefghijabcdefghijabcdefghijabcdefghij&Body=x", HttpStatusCode.BadRequest)]
    public async Task BadRequests_GetA4xxWithAMessage(string contentType, string body, HttpStatusCode status)
        => await BadRequestAsync(contentType, body, status);

    [Fact]
    public async Task MoreThan1024Fields_Gets400() =>
        await BadRequestAsync("application/x-www-form-urlencoded", string.Join("&", Enumerable.Range(0, 1025).Select(i => $"f{i}=1")), HttpStatusCode.BadRequest);

    private async Task BadRequestAsync(string contentType, string body, HttpStatusCode status)
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        using var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/twilio") { Content = content };
        if (contentType.StartsWith("application/x-www-form", StringComparison.Ordinal))
        {
            var fields = System.Web.HttpUtility.ParseQueryString(body);
            request.Headers.Add("X-Twilio-Signature", TwilioTestSignature.Compute(AuthToken, PublicUrl,
                fields.AllKeys.Select(k => KeyValuePair.Create(k!, fields[k]!))));
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, _bot.Calls);
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            BotFactory.DeleteFolder(folder);
        }
    }

    private BotFactory Factory()
    {
        var factory = new BotFactory(settings: new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = "https://supportbot.example.fr",
        }, services: services =>
        {
            services.AddSingleton<IConversationBot>(_bot);
            services.AddSingleton<ISmsSystemTexts, TestSmsTexts>();
        });
        _folders.Add(factory.Folder);
        return factory;
    }

    private static DirectoryDbContext Db(BotFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContext();

    private static Dictionary<string, string> Webhook(string sid, string body) => new()
    {
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["Body"] = body,
        ["From"] = "+33612345678",
        ["MessageSid"] = sid,
        ["NumMedia"] = "0",
        ["To"] = "+33757000000",
    };

    private static string Sign(Dictionary<string, string> form) => TwilioTestSignature.Compute(AuthToken, PublicUrl, form);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/twilio") { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> MessagesAsync(HttpResponseMessage response)
    {
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        return xml.Root.Elements("Message").Select(m => m.Value).ToList();
    }

    private sealed class CountingBot : IConversationBot
    {
        private readonly EchoConversationBot _echo = new();

        private int _calls;

        public int Calls => _calls;

        public List<string> Texts { get; } = [];

        public TimeSpan Delay { get; set; }

        public bool FailNext { get; set; }

        public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            lock (Texts)
            {
                Texts.Add(incoming.Text!);
            }

            Assert.Equal("sms", incoming.ChannelId);
            Assert.Equal("+33612345678", incoming.From!.Id);
            Assert.Matches("^sms:[0-9a-f]{32}$", incoming.Conversation!.Id);
            await Task.Delay(Delay, cancellationToken);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("the turn failed");
            }

            return await _echo.ProcessAsync(incoming, cancellationToken);
        }
    }

    private sealed class TestSmsTexts : ISmsSystemTexts
    {
        public string StopConfirmation => "Vous ne recevrez plus de SMS de l'assistant. Envoyez START pour reprendre.";

        public string CaseResolved(DirectorCaseKind kind, string reference, string? directorMessage = null) => $"Votre demande {reference} est traitée.";
    }
}
