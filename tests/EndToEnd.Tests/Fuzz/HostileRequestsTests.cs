using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>
/// Issue 15: no input makes a 500. Ten thousand generated hostile requests, across every endpoint the service maps,
/// against the real service in its own process over real HTTP (a crash — a stack overflow on deep JSON, say — ends that
/// process, not the test run, and is seen). Seeded: the seed is printed, <c>SUPPORTBOT_FUZZ_SEED</c> runs the same
/// requests again, and each failure prints a command that sends its request again.
/// </summary>
public sealed class HostileRequestsTests
{
    private const int RequestCount = 10_000;

    // Clients at once: the help page's users, Twilio and Azure together; 2 cores here.
    private const int Concurrency = 8;
    private const int Conversations = 8;

    [Fact]
    public async Task TenThousandHostileRequests_NoneGets5xx_AndTheServiceStaysHealthy()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var seed = Environment.GetEnvironmentVariable("SUPPORTBOT_FUZZ_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        Log($"Fuzz seed {seed} (SUPPORTBOT_FUZZ_SEED={seed} sends the same requests again)");
        await using var service = await FuzzService.StartAsync(Conversations, cancellationToken);
        var generator = new HostileRequestGenerator(seed, service.Context);
        using var sender = new HostileRequestSender(service.Bot.BaseAddress);
        var outcomes = new ConcurrentBag<HostileOutcome>();

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, RequestCount), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (index, token) => outcomes.Add(await sender.SendAsync(generator.Generate(index), token)));
        clock.Stop();
        Log(Report(seed, outcomes, clock.Elapsed, generator));
        var running = service.IsRunning;
        var health = running ? await HealthAsync(service) : "the process exited";
        var normal = running ? await Attempt(() => NormalConversationAsync(service, cancellationToken)) : "the process exited";
        var hostile = running ? await HostileConversationsReadAsync(service, cancellationToken) : [];

        var failures = outcomes.Where(o => o.Status >= 500).OrderBy(o => o.Request.Index).ToList();
        Assert.True(failures.Count == 0, Failures("answered 5xx", failures, service));
        var hung = outcomes.Where(o => o.NoAnswer is not null && o.NoAnswer.Contains("Timeout", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(hung.Count == 0, Failures("got no answer within 30 s", hung, service));
        Assert.True(running, $"The service's process exited during the fuzz:\n{Tail(service.Bot.Output)}");
        Assert.Equal("200 Healthy", health);
        Assert.Equal("answered", normal);
        Assert.All(hostile, read => Assert.True(read.Outcome == "answered", $"Conversation {read.Id}, after hostile activities: {read.Outcome}"));
    }

    /// <summary>"answered", or what went wrong: each check after the fuzz runs even when another failed.</summary>
    private static async Task<string> Attempt(Func<Task> check)
    {
        try
        {
            await check();
            return "answered";
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or System.Text.Json.JsonException)
        {
            return e.Message;
        }
    }

    private static async Task<string> HealthAsync(FuzzService service)
    {
        using var response = await service.Bot.Http.GetAsync("/health");
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>A parent's first steps, after the storm: the bot still answers as it should.</summary>
    private static async Task NormalConversationAsync(FuzzService service, CancellationToken cancellationToken)
    {
        var parent = await service.ConverseAsync(cancellationToken);
        await parent.SayAsync("mot de passe oublié", "Connaissez-vous", cancellationToken);
    }

    /// <summary>Each conversation that received hostile activities: its whole history reads (200), and it still answers.</summary>
    private static async Task<List<(string Id, string Outcome)>> HostileConversationsReadAsync(FuzzService service, CancellationToken cancellationToken)
    {
        var reads = new List<(string, string)>();
        foreach (var (id, token) in service.Context.Conversations)
        {
            var conversation = service.Resume(id, token);
            reads.Add((id, await Attempt(async () =>
            {
                await conversation.CatchUpAsync(cancellationToken);
                await conversation.SayAsync("menu", "", cancellationToken);
            })));
        }

        return reads;
    }

    private static string Report(int seed, IEnumerable<HostileOutcome> outcomes, TimeSpan elapsed, HostileRequestGenerator generator)
    {
        var all = outcomes.ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Fuzz seed {seed}: {all.Count} hostile requests in {elapsed.TotalSeconds:F1} s ({all.Count / elapsed.TotalSeconds:F0}/s, {Concurrency} at once)\n");
        text.Append("Status codes: ").AppendJoin(", ", all.GroupBy(o => o.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")).Append('\n');
        text.Append("Per endpoint:\n");
        foreach (var (target, _, _) in generator.Targets)
        {
            var aimed = all.Where(o => o.Request.Target == target).ToList();
            text.Append(CultureInfo.InvariantCulture, $"  {aimed.Count,5}  {target}  (")
                .AppendJoin(", ", aimed.GroupBy(o => o.Status?.ToString(CultureInfo.InvariantCulture) ?? "none").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"))
                .Append(")\n");
        }

        foreach (var none in all.Where(o => o.NoAnswer is not null).GroupBy(o => $"{o.Request.Target}: {o.Request.Mutation.Split(';')[^1].Trim()} → {o.NoAnswer}").Take(20))
        {
            text.Append(CultureInfo.InvariantCulture, $"No answer ({none.Count()}×): {none.Key}\n");
        }

        return text.ToString();
    }

    private static string Failures(string what, IReadOnlyList<HostileOutcome> failures, FuzzService service)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{failures.Count} hostile request(s) {what}. To send one again, against a service started as FuzzService starts it:\n");
        foreach (var failure in failures.Take(20))
        {
            text.Append(failure.Request.Replay(service.Bot.BaseAddress)).Append(CultureInfo.InvariantCulture, $"\n  → {failure.Status?.ToString(CultureInfo.InvariantCulture) ?? failure.NoAnswer}\n");
        }

        return text.Append("The service's errors:\n").Append(Tail(service.Bot.Output)).ToString();
    }

    /// <summary>The errors in the service's log (each « fail: » entry and its exception), or its last lines.</summary>
    private static string Tail(string output)
    {
        var errors = new StringBuilder();
        var inError = false;
        foreach (var line in output.Split('\n'))
        {
            inError = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal) || (inError && line.StartsWith(' '));
            if (inError && errors.Length < 20_000)
            {
                errors.Append(line).Append('\n');
            }
        }

        return errors.Length > 0 ? errors.ToString() : output[Math.Max(0, output.Length - 4000)..];
    }

    private static void Log(string line)
    {
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }
}
