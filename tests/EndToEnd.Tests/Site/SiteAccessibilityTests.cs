using System.Text.Json;
using Microsoft.Playwright;
using SupportBot.EndToEnd.Tests.WebChat;

namespace SupportBot.EndToEnd.Tests.Site;

/// <summary>
/// Every page SupportBot serves, in the state a visitor sees it (a conversation under way, a refused password, the
/// workspace's sign-in pages), checked in Debian's Chromium: axe-core's WCAG 2.1 A/AA rules in the light and the dark
/// theme, at 320 px wide and at 200 % zoom (RGAA 10.11 and 10.4), no horizontal scrolling, every file the DSFR asks
/// for (fonts, icons) served, and nothing refused by the pages' Content-Security-Policy (which stays on: axe-core is
/// loaded as a file of the page's origin). The director's pages are opened with the links of a real case's mail. What axe-core finds is written to the test's output, page by page.
/// </summary>
public sealed class SiteAccessibilityTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static TheoryData<string> Modes => ["clair", "sombre", "320 px", "zoom 200 %"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task EveryPage_HasNoSeriousViolation_NoHorizontalScroll_AndNoMissingFile(string mode)
    {
        var context = await site.Browser.NewContextAsync(Options(mode));
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        WatchContentSecurityPolicy(page, problems);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"failed {request.Url}: {request.Failure}");

        foreach (var (name, open) in Pages())
        {
            await open(page);
            await page.WaitForSelectorAsync("html[data-fr-theme]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
            var theme = await page.GetAttributeAsync("html", "data-fr-theme");
            if (theme != (mode == "sombre" ? "dark" : "light"))
            {
                problems.Add($"{name}: the DSFR set the {theme} theme");
            }

            var found = await Accessibility.RunAsync(page, $"{name} ({mode})");
            problems.AddRange(found.Where(v => v.IsSerious).Select(v => $"{name}: {v}"));
            var widths = await page.EvaluateAsync<JsonElement>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (widths[0].GetInt32() > widths[1].GetInt32())
            {
                problems.Add($"{name}: scrolls horizontally ({widths[0].GetInt32()} px of content in {widths[1].GetInt32()} px)");
            }
        }

        await context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task HelpPage_WorksWithTheKeyboardAlone()
    {
        var context = await site.Browser.NewContextAsync(Options("clair"));
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        WatchContentSecurityPolicy(page, refused);
        await page.GotoAsync(site.Bot.BaseAddress.ToString());
        await WebChatPage.WaitForTranscriptAsync(page, "Bonjour");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = await FocusedAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await TabUntilAsync(page, "Tab", "el => el.matches(\"[data-id='webchat-sendbox-input']\")");
        await page.Keyboard.TypeAsync("mot de passe oublié");
        await page.Keyboard.PressAsync("Enter");
        await WebChatPage.WaitForTranscriptAsync(page, "Connaissez-vous");

        // What a screen reader announces: Web Chat's polite live region receives the bot's reply.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('#webchat [aria-live=polite]')].some(r => r.textContent.includes('Connaissez-vous'))",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var uploadButtons = await page.Locator("#webchat .webchat__upload-button, #webchat input[type=file]").CountAsync();
        await TabUntilAsync(page, "Shift+Tab", "el => el.tagName === 'BUTTON' && el.innerText.trim() === 'Oui'");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("Aller au contenu", skipLink);
        Assert.Equal(0, uploadButtons);
        await WebChatPage.WaitForTranscriptAsync(page, "identifiant");
        Assert.Empty(refused);
        await context.CloseAsync();
    }

    [Fact]
    public async Task DisplaySettings_WorkWithTheKeyboard_UnderTheWorkspaceContentSecurityPolicy()
    {
        var context = await site.Browser.NewContextAsync(Options("clair"));
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        WatchContentSecurityPolicy(page, refused);
        await page.GotoAsync(new Uri(site.Bot.BaseAddress, "/directeur/lien").ToString());
        await page.WaitForSelectorAsync("html[data-fr-theme=light]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        await TabUntilAsync(page, "Tab", "el => el.innerText === \"Paramètres d'affichage\"");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#fr-theme-modal[open]");
        await TabUntilAsync(page, "Tab", "el => el.name === 'fr-radios-theme'");
        for (var i = 0; i < 3 && await page.GetAttributeAsync("html", "data-fr-theme") != "dark"; i++)
        {
            await page.Keyboard.PressAsync("ArrowUp");
        }

        // The DSFR keeps Escape for the radio buttons while they have the focus: the « Fermer » button closes.
        await TabUntilAsync(page, "Shift+Tab", "el => el.innerText === 'Fermer'");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-fr-theme"));
        await page.WaitForSelectorAsync("#fr-theme-modal[open]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        Assert.Empty(refused);
        await context.CloseAsync();
    }

    private IEnumerable<(string Name, Func<IPage, Task> Open)> Pages()
    {
        yield return ("/ (conversation en cours)", async page =>
        {
            await GotoAsync(page, "/");
            await WebChatPage.WaitForTranscriptAsync(page, "Bonjour");
            await WebChatPage.SendAsync(page, "où est modulo ?");
            await WebChatPage.WaitForTranscriptAsync(page, "Je me connecte");
        });
        yield return ("réinitialisation (mots de passe différents)", async page =>
        {
            await GotoAsync(page, site.ResetLink);
            await page.FillAsync("#motdepasse", "Nouveau2027");
            await page.FillAsync("#confirmation", "Nouveau2028");
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync(".fr-input-group--error");
        });
        yield return ("réinitialisation (lien refusé)", page => GotoAsync(page, "/motdepasse/reinitialiser?jeton=abc"));
        yield return ("/directeur (liste des demandes)", page => GotoAsync(page, site.CaseListLink));
        yield return ("/directeur/dossier (une demande)", page => GotoAsync(page, site.CaseLink));
        foreach (var path in new[] { "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/directeur/lien", "/academie" })
        {
            yield return (path, page => GotoAsync(page, path));
        }
    }

    /// <summary>What the page's Content-Security-Policy refused (an inline script or style, a file from elsewhere), in Chromium's words.</summary>
    private static void WatchContentSecurityPolicy(IPage page, List<string> refused) => page.Console += (_, message) =>
    {
        if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
        {
            refused.Add($"{page.Url}: {message.Text}");
        }
    };

    private async Task GotoAsync(IPage page, string path) => await page.GotoAsync(new Uri(site.Bot.BaseAddress, path).ToString());

    private static BrowserNewContextOptions Options(string mode) => mode switch
    {
        "sombre" => new() { Locale = "fr-FR", ColorScheme = ColorScheme.Dark, ViewportSize = new() { Width = 1280, Height = 800 } },
        "320 px" => new() { Locale = "fr-FR", ColorScheme = ColorScheme.Light, ViewportSize = new() { Width = 320, Height = 640 } },
        // A 1280 × 800 window zoomed to 200 %: the page lays out in 640 × 400 CSS pixels, drawn twice as large.
        "zoom 200 %" => new() { Locale = "fr-FR", ColorScheme = ColorScheme.Light, ViewportSize = new() { Width = 640, Height = 400 }, DeviceScaleFactor = 2 },
        _ => new() { Locale = "fr-FR", ColorScheme = ColorScheme.Light, ViewportSize = new() { Width = 1280, Height = 800 } },
    };

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.innerText");

    /// <summary>Presses <paramref name="key"/> until the focused element matches, as a keyboard user would move.</summary>
    private static async Task TabUntilAsync(IPage page, string key, string match)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && ({match})(el); }}"))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"{key} never reached the element ({match}); focus is on {await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 200)")}");
    }
}
