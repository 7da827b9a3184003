using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Testing;

/// <summary>Runs a script of tests/oracles (real npm client libraries) with JSON in and JSON out.</summary>
public static class NodeOracle
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "tests", "oracles");

    public static async Task<JsonNode> RunAsync(string script, object input)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            throw new InvalidOperationException($"{Folder}/node_modules is missing: run ./test.sh (npm ci in tests/oracles).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited {process.ExitCode}: {await stderr}");
        }

        return JsonNode.Parse(await stdout) ?? throw new InvalidOperationException($"node {script} wrote nothing");
    }
}
