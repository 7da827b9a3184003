using Microsoft.Playwright;

namespace SupportBot.EndToEnd.Tests.WebChat;

/// <summary>
/// Debian's headless Chromium driven by Playwright for .NET. Playwright never downloads a browser here: the
/// executable is /usr/bin/chromium (./test.sh installs it), started with the flags this closed network needs.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run ./test.sh, which installs Debian's chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        return new BrowserSession(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
