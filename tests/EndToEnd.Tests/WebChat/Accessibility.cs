using System.Text.Json;
using Microsoft.Playwright;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.WebChat;

/// <summary>axe-core (pinned in tests/oracles) run in the page: no violation of WCAG 2.1 A and AA, the rules RGAA AA follows.</summary>
internal static class Accessibility
{
    private static readonly string Script = Path.Combine(NodeOracle.Folder, "node_modules", "axe-core", "axe.min.js");

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"{Script} is missing: run ./test.sh (npm ci in tests/oracles).");
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", found));
    }
}
