using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;
using SupportBot.Bot.Mail;
using SupportBot.Bot.Tests.Dialogs;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.PasswordReset;

/// <summary>The whole lost-password path: chat, e-mail through a real SMTP server, the link used on the service's page.</summary>
public sealed partial class PasswordResetPageTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-reset-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private SmtpTestServer _smtp = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Data:Folder", _folder);
            web.UseSetting("Directory:ConnectionString", $"Data Source={Path.Combine(_folder, "supportbot.db")}");
            web.UseSetting("Directory:DemoData", "Always");
            web.UseSetting("Mail:Mode", "Smtp");
            web.UseSetting("Mail:Smtp:Host", _smtp.Host);
            web.UseSetting("Mail:Smtp:Port", _smtp.Port.ToString());
            web.UseSetting("Mail:Smtp:Security", "None");
            web.UseSetting("Dialogs:Folder", BotTestHost.RepositoryDialogs);
            web.UseSetting("Dialogs:PublicBaseUrl", "http://localhost");
            web.ConfigureTestServices(services => services
                .AddSingleton<TimeProvider>(_time));
        });
        Directory.CreateDirectory(_folder);
        _ = _factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    [Fact]
    public async Task LinkFromTheMail_SetsANewPasswordOnce()
    {
        var link = await RequestLinkAsync();
        using var client = _factory.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(link, TestContext.Current.CancellationToken));
        var weak = await PostAsync(client, link, "court1", "court1");
        var mismatch = await PostAsync(client, link, "Nouveau2027", "Nouveau2028");
        var done = await PostAsync(client, link, "Nouveau2027", "Nouveau2027");
        var again = await client.GetAsync(link, TestContext.Current.CancellationToken);

        Assert.Contains("de 8 à 14 caractères", page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.Status);
        Assert.Contains("Le mot de passe doit comporter de 8 à 14 caractères (il en a 6).", weak.Body);
        Assert.Contains("ne sont pas identiques", mismatch.Body);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Votre mot de passe est enregistré", done.Body);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("Ce lien a déjà servi", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        await using var scope = _factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var account = await accounts.FindByIdentifierAsync("v.durant1", TestContext.Current.CancellationToken);
        Assert.True(accounts.VerifyPassword(account!, "Nouveau2027"));
    }

    [Fact]
    public async Task LinkAfterAnHour_SaysItExpired()
    {
        var link = await RequestLinkAsync();
        using var client = _factory.CreateClient();

        _time.Advance(TimeSpan.FromMinutes(61));
        var response = await client.GetAsync(link, TestContext.Current.CancellationToken);
        var post = await PostAsync(client, link, "Nouveau2027", "Nouveau2027");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Ce lien a expiré", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Contains("Ce lien a expiré", post.Body);
    }

    [Fact]
    public async Task TamperedLink_SaysItIsNotValid()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/motdepasse/reinitialiser?jeton=abc", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("Ce lien n'est pas valable", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    public static TheoryData<string, string, HttpStatusCode> UnreadableForms => new()
    {
        { "multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"jeton\"\r\n\r\n{jeton}\r\n--XX\r\nContent-Disposition: form-data; name=\"motdep", HttpStatusCode.BadRequest },
        { "application/x-www-form-urlencoded", "jeton={jeton}&" + string.Join("&", Enumerable.Range(0, 1025).Select(i => $"f{i}=1")), HttpStatusCode.BadRequest },
        { "application/x-www-form-urlencoded", "jeton={jeton}&motdepasse=" + new string('a', 4 * 1024 * 1024 + 1), HttpStatusCode.RequestEntityTooLarge },
        { "application/x-www-form-urlencoded", "jeton={jeton}&motdepasse=Nouveau2027%00&confirmation=Nouveau2027%00", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task UnreadableForm_GetsAPoliteFrenchPage_AndTheLinkStillWorks(string contentType, string body, HttpStatusCode status)
    {
        using var client = _factory.CreateClient();
        var link = await RequestLinkAsync();
        var token = link[(link.IndexOf('=') + 1)..];
        using var content = new StringContent(body.Replace("{jeton}", token, StringComparison.Ordinal));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/motdepasse/reinitialiser", content, TestContext.Current.CancellationToken);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var done = await PostAsync(client, link, "Nouveau2027", "Nouveau2027");

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("Votre envoi n'a pas pu être lu, et votre mot de passe n'a pas été modifié.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, done.Status);
    }

    private async Task<string> RequestLinkAsync()
    {
        var engine = _factory.Services.GetRequiredService<BotEngine>();
        var flow = new TestFlow(engine, "webchat", "c-" + Guid.NewGuid().ToString("N"), "parent");
        await flow.Send("mot de passe oublié").AssertReply("Connaissez-vous").Send("oui").AssertReply("identifiant")
            .Send("v.durant1").AssertReply("un courriel contenant un lien").AssertReply("Si rien n'arrive");
        await _factory.Services.GetRequiredService<MailQueueWorker>().RunOnceAsync(TestContext.Current.CancellationToken);
        var mail = await _smtp.WaitForMessageAsync(m => m.Subject?.Contains("mot de passe") == true);
        return LinkPattern().Match(mail.TextBody ?? "").Value.Replace("http://localhost", "");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string link, string password, string confirmation)
    {
        var token = Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]);
        var response = await client.PostAsync("/motdepasse/reinitialiser", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jeton"] = token,
            ["motdepasse"] = password,
            ["confirmation"] = confirmation,
        }), TestContext.Current.CancellationToken);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [GeneratedRegex(@"http://localhost/motdepasse/reinitialiser\?jeton=\S+")]
    private static partial Regex LinkPattern();
}
