using System.Text.Json;
using Microsoft.Playwright;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.WebChat;

/// <summary>
/// axe-core (pinned in tests/oracles) run in the page on the WCAG 2.1 A and AA rules, the ones RGAA AA follows. Every
/// finding is written to the test's output, page by page, so that the accessibility statement can quote them.
/// </summary>
internal static class Accessibility
{
    private static readonly string Script = Path.Combine(NodeOracle.Folder, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails on any violation.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var found = await RunAsync(page);
        Assert.True(found.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", found.Select(v => v.ToString())));
    }

    /// <summary>Runs axe-core, writes what it found under <paramref name="label"/> and returns it.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page, string? label = null)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"{Script} is missing: run ./test.sh (npm ci in tests/oracles).");
        }

        // Loaded as a file of the page's own origin (answered by the test), so that the page's Content-Security-Policy,
        // which runs only the service's script files, lets it run without turning the policy off.
        var url = new Uri(page.Url).GetLeftPart(UriPartial.Authority) + "/__tests__/axe.min.js";
        await page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions { Path = Script, ContentType = "text/javascript" }));
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = url });
        await page.UnrouteAsync(url);
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return {
                passes: result.passes.length,
                incomplete: result.incomplete.map(v => `${v.id} on ${v.nodes.length} element(s), ${((v.nodes[0].any[0] || v.nodes[0].all[0] || v.nodes[0].none[0] || {}).message || '').toLowerCase()}`),
                violations: result.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))
              };
            }
            """);
        var found = result.GetProperty("violations").EnumerateArray()
            .Select(v => new Violation(v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
                [.. v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!)]))
            .ToList();
        var incomplete = result.GetProperty("incomplete").EnumerateArray().Select(v => v.GetString()).ToList();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"axe-core {label ?? new Uri(page.Url).AbsolutePath}: {found.Count} violation(s), {result.GetProperty("passes").GetInt32()} rule(s) passed"
            + (incomplete.Count > 0 ? $"; to review by hand: {string.Join("; ", incomplete)}" : ""));
        foreach (var violation in found)
        {
            output?.WriteLine("  " + violation);
        }

        return found;
    }

    internal sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes)
    {
        public bool IsSerious => Impact is "serious" or "critical";

        public override string ToString() => $"{Id} ({Impact}): {Help} at {string.Join(" | ", Nodes)}";
    }
}
