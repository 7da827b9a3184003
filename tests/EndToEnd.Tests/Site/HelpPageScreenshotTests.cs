using Microsoft.Playwright;
using SupportBot.EndToEnd.Tests.WebChat;

namespace SupportBot.EndToEnd.Tests.Site;

/// <summary>
/// The help page as a parent sees it on a computer and on a phone, a conversation under way: the reply and its buttons
/// are in view, nothing is cut. The pictures are written to the test's output folder; docs/ keeps the README's copies.
/// </summary>
public sealed class HelpPageScreenshotTests(SiteFixture site, ITestOutputHelper output) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("bureau", 1280, 900)]
    [InlineData("mobile", 390, 844)]
    public async Task Conversation_IsInViewWithItsButtons(string name, int width, int height)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "fr-FR", ColorScheme = ColorScheme.Light, ViewportSize = new() { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Bot.BaseAddress.ToString());
        await WebChatPage.WaitForTranscriptAsync(page, "Bonjour");
        await WebChatPage.SendAsync(page, "j'ai perdu mon mot de passe");
        await WebChatPage.WaitForTranscriptAsync(page, "Connaissez-vous");
        var yes = page.Locator("#webchat button.webchat__suggested-action:has-text('Oui')");
        await yes.ScrollIntoViewIfNeededAsync();

        // Web Chat's brief « Connexion en cours… » after each reply fades: the picture shows the conversation at rest.
        await page.WaitForFunctionAsync("() => !document.querySelector('#webchat').innerText.includes('Connexion en cours')");

        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"aide-{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"{name}: {path}");

        Assert.True(await yes.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await context.CloseAsync();
    }
}
