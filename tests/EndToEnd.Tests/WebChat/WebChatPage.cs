using Microsoft.Playwright;

namespace SupportBot.EndToEnd.Tests.WebChat;

/// <summary>What a parent does with Web Chat on a page: type in its send box, and read its transcript.</summary>
internal static class WebChatPage
{
    public static async Task SendAsync(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>Waits until the transcript shows <paramref name="text"/> (Web Chat shows typographic apostrophes: wait for fragments without).</summary>
    public static async Task WaitForTranscriptAsync(IPage page, string text)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "t => (document.querySelector('#webchat')?.innerText || '').includes(t)", text,
                new PageWaitForFunctionOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.InnerTextAsync("#webchat");
            throw new Xunit.Sdk.XunitException($"« {text} » never appeared in Web Chat. It shows:\n{shown}");
        }
    }
}
