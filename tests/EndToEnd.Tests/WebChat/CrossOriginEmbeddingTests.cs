using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.WebChat;

/// <summary>
/// The académie's page on its own origin, embedding the assistant with the README's snippet as it is written (read from
/// README.md): the real Web Chat in Debian's Chromium talks to the service across origins, in both transports, through
/// reloads, an expired token and a service restart.
/// </summary>
public sealed partial class CrossOriginEmbeddingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-embed-").FullName;

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task ReadmeSnippetOnAnotherOrigin_Converses_AndAReloadResumesWithoutASecondWelcome(string transport)
    {
        await using var academie = await AcademiePage.StartAsync();
        await using var bot = await BotProcess.StartAsync(_folder, Settings(academie));
        await academie.ServeAsync(bot.BaseAddress, transport);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });
        var corsErrors = CorsErrors(page);

        await page.GotoAsync(academie.Url);
        await WebChatPage.WaitForTranscriptAsync(page, "Bonjour, je suis");
        await WebChatPage.SendAsync(page, "où est modulo ?");
        await WebChatPage.WaitForTranscriptAsync(page, "Je me connecte");
        await page.ReloadAsync();
        await WebChatPage.WaitForTranscriptAsync(page, "où est modulo ?");
        await WebChatPage.SendAsync(page, "non");
        await WebChatPage.WaitForTranscriptAsync(page, "Je vous en prie");

        Assert.Equal(1, await WelcomesAsync(page));
        Assert.Empty(corsErrors);
        Assert.NotEqual(new Uri(academie.Url).Port, bot.BaseAddress.Port);
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task ParentIdleLongerThanTheToken_CanStillSend(string transport)
    {
        await using var academie = await AcademiePage.StartAsync();
        var settings = Settings(academie);
        settings["DirectLine__TokenLifetimeMinutes"] = "0.1";
        await using var bot = await BotProcess.StartAsync(_folder, settings);
        await academie.ServeAsync(bot.BaseAddress, transport);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });

        await page.GotoAsync(academie.Url);
        await WebChatPage.WaitForTranscriptAsync(page, "Bonjour, je suis");
        await Task.Delay(TimeSpan.FromSeconds(9), TestContext.Current.CancellationToken);
        await WebChatPage.SendAsync(page, "où est modulo ?");
        await WebChatPage.WaitForTranscriptAsync(page, "Je me connecte");

        Assert.Equal(1, await WelcomesAsync(page));
    }

    [Fact]
    public async Task ServiceRestart_ThePageReconnectsToTheSameConversation()
    {
        await using var academie = await AcademiePage.StartAsync();
        var settings = Settings(academie);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{SmtpTestServer.FreePort()}";
        var bot = await BotProcess.StartAsync(_folder, settings);
        await academie.ServeAsync(bot.BaseAddress, "websocket");
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });
        await page.GotoAsync(academie.Url);
        await WebChatPage.WaitForTranscriptAsync(page, "Bonjour, je suis");
        await WebChatPage.SendAsync(page, "où est modulo ?");
        await WebChatPage.WaitForTranscriptAsync(page, "Je me connecte");

        await bot.DisposeAsync();
        await using var restarted = await BotProcess.StartAsync(_folder, settings);
        await WebChatPage.SendAsync(page, "non");
        await WebChatPage.WaitForTranscriptAsync(page, "Je vous en prie");

        Assert.Equal(1, await WelcomesAsync(page));
    }

    [Fact]
    public async Task TokenRefresh_IsAllowedFromTheOtherOrigin_AndAnUnlistedOriginGetsNothing()
    {
        await using var academie = await AcademiePage.StartAsync();
        await using var other = await AcademiePage.StartAsync();
        await using var bot = await BotProcess.StartAsync(_folder, Settings(academie));
        await academie.ServeAsync(bot.BaseAddress, "websocket");
        await other.ServeAsync(bot.BaseAddress, "websocket");
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });
        var elsewhere = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });
        await page.GotoAsync(academie.Url);
        await WebChatPage.WaitForTranscriptAsync(page, "Bonjour, je suis");

        // What DirectLineJS's refresh loop sends every 15 minutes, from the page's origin.
        var refreshed = await page.EvaluateAsync<int>("""
            async bot => {
              const session = Object.entries(sessionStorage).find(([key]) => key.startsWith('supportbot.directline'));
              const token = JSON.parse(session[1]).token;
              const response = await fetch(bot + '/v3/directline/tokens/refresh', { method: 'POST',
                headers: { Authorization: 'Bearer ' + token, 'X-Requested-With': 'XMLHttpRequest', 'x-ms-bot-agent': 'DirectLine/3.0' } });
              return response.status;
            }
            """, bot.BaseAddress.ToString().TrimEnd('/'));
        await elsewhere.GotoAsync(other.Url);
        var refused = await elsewhere.EvaluateAsync<string>("""
            async bot => { try { await fetch(bot + '/api/directline/token', { method: 'POST' }); return 'read'; } catch (e) { return 'refused'; } }
            """, bot.BaseAddress.ToString().TrimEnd('/'));

        Assert.Equal(200, refreshed);
        Assert.Equal("refused", refused);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    private static Dictionary<string, string> Settings(AcademiePage academie) => new()
    {
        ["DirectLine__AllowedOrigins__0"] = new Uri(academie.Url).GetLeftPart(UriPartial.Authority),
    };

    /// <summary>How many of Web Chat's message bubbles are the welcome.</summary>
    private static Task<int> WelcomesAsync(IPage page) => page.EvaluateAsync<int>(
        "() => [...document.querySelectorAll('#webchat .webchat__bubble__content')].filter(b => b.innerText.includes('Bonjour, je suis')).length");

    /// <summary>The console errors a refused CORS request leaves.</summary>
    private static List<string> CorsErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("CORS", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }

    /// <summary>The académie's page on an origin of its own (another port), embedding the README's snippet.</summary>
    private sealed partial class AcademiePage : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private string _html = "";

        private AcademiePage(WebApplication app) => _app = app;

        public string Url => _app.Urls.First() + "/aide";

        public static async Task<AcademiePage> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{SmtpTestServer.FreePort()}");
            var app = builder.Build();
            var page = new AcademiePage(app);
            app.MapGet("/aide", () => Results.Content(page._html, "text/html; charset=utf-8"));
            await app.StartAsync();
            return page;
        }

        /// <summary>The README's snippet, SUPPORTBOT-HOST replaced by the service's address.</summary>
        public Task ServeAsync(Uri bot, string transport)
        {
            var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
            var snippet = SnippetPattern().Match(readme).Groups[1].Value.Replace("https://SUPPORTBOT-HOST", bot.ToString().TrimEnd('/'), StringComparison.Ordinal);
            if (transport == "polling")
            {
                snippet = snippet.Replace("/js/assistant.js\"", "/js/assistant.js\" data-transport=\"polling\"", StringComparison.Ordinal);
            }

            _html = string.Format(CultureInfo.InvariantCulture,
                "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Aide – Académie de Rennes</title></head><body><main><h1>Besoin d'aide ?</h1>{0}</main></body></html>",
                snippet);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        [GeneratedRegex("\\*\\*Embedding the assistant on the académie's own page\\.\\*\\*[^`]*```html\\n(.*?)```", RegexOptions.Singleline)]
        private static partial Regex SnippetPattern();
    }
}
