using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SupportBot.Bot.Sms;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.DirectLine;

/// <summary>
/// Two service processes on one SQLite file, as two instances behind a load balancer: a parent's messages may reach
/// either, and Twilio's retries too.
/// </summary>
public sealed class SeveralInstancesTests : IDisposable
{
    private const string TwilioAuthToken = "0123456789abcdef0123456789abcdef";
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-instances-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentPostsToTheSameConversationsThroughBothInstances_NoneFailsNoneIsLostOrDoubled_RepliesFollowTheirMessage()
    {
        const int conversations = 4, messagesPerPoster = 25;
        var (a, b) = await StartPairAsync();
        await using var first = a;
        await using var second = b;
        var sessions = new List<DirectLineSession>();
        for (var c = 0; c < conversations; c++)
        {
            sessions.Add(await DirectLineSession.OpenAsync(first.Http, Cancel));
        }

        // Two posters per conversation, one through each instance, each posting its messages one after the other.
        var posters = sessions.SelectMany((session, c) => new[] { (Session: session, Bot: first, Name: $"A{c}"), (Session: session, Bot: second, Name: $"B{c}") });
        var results = await Task.WhenAll(posters.Select(async poster =>
        {
            var sent = new List<(string Text, HttpStatusCode Status)>();
            for (var i = 1; i <= messagesPerPoster; i++)
            {
                var text = $"bonjour, message {i} de {poster.Name}";
                using var response = await poster.Session.PostMessageAsync(poster.Bot.Http, text, Cancel);
                sent.Add((text, response.StatusCode));
            }

            return (poster.Session, poster.Name, Sent: sent);
        }));

        var requests = results.Sum(r => r.Sent.Count);
        var serverErrors = results.Sum(r => r.Sent.Count(s => (int)s.Status >= 500));
        var histories = new Dictionary<DirectLineSession, JsonArray>();
        foreach (var session in sessions)
        {
            histories[session] = await session.ReadAsync(first.Http, Cancel);
            Assert.Equal(histories[session].ToJsonString(), (await session.ReadAsync(second.Http, Cancel)).ToJsonString());
        }

        var userTexts = results.ToDictionary(r => r.Name,
            r => histories[r.Session].Where(IsFromUser).Select(a => a!["text"]!.GetValue<string>()).ToList());
        var lost = results.Sum(r => r.Sent.Count(s => !userTexts[r.Name].Contains(s.Text)));
        var twice = results.Sum(r => r.Sent.Sum(s => Math.Max(0, userTexts[r.Name].Count(t => t == s.Text) - 1)));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{requests} posts through 2 instances to {conversations} conversations: {serverErrors} 5xx, {lost} lost, {twice} twice");

        Assert.Equal((conversations * 2 * messagesPerPoster, 0, 0, 0), (requests, serverErrors, lost, twice));
        foreach (var (session, name, sent) in results)
        {
            // Each poster's messages in the order it sent them, each followed by its own replies.
            Assert.Equal(sent.Select(s => s.Text), userTexts[name].Where(t => t.EndsWith($" de {name}", StringComparison.Ordinal)));
            AssertRepliesFollowTheirMessage(histories[session]);
        }

        Assert.All(results.SelectMany(r => r.Sent), s => Assert.Equal(HttpStatusCode.OK, s.Status));
    }

    [Fact]
    public async Task ReplyMadeByOneInstance_ReachesAWebSocketHeldByTheOther_ByDefaultThroughTheStreamsPoll()
    {
        var (a, b) = await StartPairAsync();
        await using var first = a;
        await using var second = b;

        var delays = await DeliveryDelaysAsync(first, second, tries: 3);

        TestContext.Current.TestOutputHelper?.WriteLine($"Without Redis (poll 5 s): delivery delays {string.Join(", ", delays.Select(Ms))}");
        Assert.Equal(3, delays.Count);
    }

    [Fact]
    public async Task WithARedisBackplane_AReplyReachesAWebSocketHeldByTheOtherInstanceBeforeAnyPoll()
    {
        await using var redis = await RedisTestServer.StartAsync();

        // A poll every 60 s: a reply seen on the other instance before that can only have come through Redis.
        var settings = new Dictionary<string, string> { ["DirectLine__Redis"] = redis.ConnectionString, ["DirectLine__StreamPollSeconds"] = "60" };
        var (a, b) = await StartPairAsync(settings);
        await using var first = a;
        await using var second = b;

        var delays = await DeliveryDelaysAsync(first, second, tries: 20, before: TimeSpan.FromSeconds(50));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"With Redis: delivery delays median {Ms(delays.Order().ElementAt(delays.Count / 2))}, max {Ms(delays.Max())} ({string.Join(", ", delays.Select(Ms))})");
        Assert.Equal(20, delays.Count);
    }

    [Fact]
    public async Task ConcurrentTwilioRetriesOfOneMessageThroughBothInstances_AllGetTheFirstAnswer_TheTurnRunsOnce()
    {
        var settings = new Dictionary<string, string> { ["Twilio__AuthToken"] = TwilioAuthToken };
        var (a, b) = await StartPairAsync(settings);
        await using var first = a;
        await using var second = b;
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Body"] = "xqzkw vlorp",
            ["From"] = "+33612345678",
            ["MessageSid"] = "SM0123456789abcdef0123456789abcdef",
            ["NumMedia"] = "0",
            ["To"] = "+33757000000",
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            var bot = i % 2 == 0 ? first : second;
            var url = new Uri(bot.BaseAddress, TwilioSmsEndpoints.Path);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", TwilioTestSignature.Compute(TwilioAuthToken, url.ToString(), form));
            using var response = await bot.Http.SendAsync(request, Cancel);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Cancel));
        }));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Contains("<Message>", answers[0].Body, StringComparison.Ordinal);
        Assert.All(answers, answer => Assert.Equal(answers[0].Body, answer.Body));
        // The operator's list of misunderstood messages (dialogs misunderstood) counts it once: one turn ran.
        Assert.Equal("1", SqliteFile.Query(Database, "SELECT COUNT(*) FROM MisunderstoodMessages WHERE Channel = 'sms'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    private string Database => Path.Combine(_folder, "data", "supportbot.db");

    /// <summary>
    /// A conversation opened on <paramref name="writer"/>, its WebSocket held on <paramref name="reader"/> (the greeting
    /// received, so the stream waits), then <paramref name="tries"/> messages posted one by one on <paramref name="writer"/>.
    /// Each delay runs from the reply's timestamp (set by the writer as it stores it; one machine, one clock) to its
    /// arrival on the reader's socket.
    /// </summary>
    private static async Task<List<TimeSpan>> DeliveryDelaysAsync(BotProcess writer, BotProcess reader, int tries, TimeSpan? before = null)
    {
        var session = await DirectLineSession.OpenAsync(writer.Http, Cancel);
        using var socket = await session.StreamAsync(reader.Http, Cancel);
        var greeting = await DirectLineSession.ReceiveAsync(socket, Cancel);
        Assert.Contains(greeting, a => a!["from"]!["role"]!.GetValue<string>() == "bot");
        var delays = new List<TimeSpan>();
        for (var i = 0; i < tries; i++)
        {
            var waiting = Stopwatch.StartNew();
            using var posted = await session.PostMessageAsync(writer.Http, "merci", Cancel);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var id = (await posted.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<string>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(before ?? TimeSpan.FromSeconds(30));
            JsonNode? reply = null;
            while (reply is null)
            {
                var set = await DirectLineSession.ReceiveAsync(socket, timeout.Token);
                reply = set.FirstOrDefault(a => a!["replyToId"]?.GetValue<string>() == id);
            }

            var arrived = TimeProvider.System.GetUtcNow();
            Assert.True(before is null || waiting.Elapsed < before, $"the reply came after {waiting.Elapsed}");
            delays.Add(arrived - DateTimeOffset.Parse(reply["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }

        return delays;
    }

    /// <summary>The greeting first, then each message followed by at least one reply, every reply to that message.</summary>
    private static void AssertRepliesFollowTheirMessage(JsonArray activities)
    {
        string? answering = null;
        var replies = 0;
        foreach (var activity in activities)
        {
            if (IsFromUser(activity))
            {
                Assert.True(answering is null || replies > 0, $"no reply to {answering} before the next message");
                answering = activity!["id"]!.GetValue<string>();
                replies = 0;
                continue;
            }

            Assert.Equal("bot", activity!["from"]!["role"]!.GetValue<string>());
            if (answering is not null)
            {
                Assert.Equal(answering, activity["replyToId"]?.GetValue<string>());
                replies++;
            }
        }

        Assert.True(replies > 0, $"no reply to the last message {answering}");
    }

    private static bool IsFromUser(JsonNode? activity) => activity!["from"]!["role"]!.GetValue<string>() == "user";

    /// <summary>Two instances on one data folder; the second starts once the first has created and migrated the database.</summary>
    private async Task<(BotProcess First, BotProcess Second)> StartPairAsync(Dictionary<string, string>? settings = null)
    {
        var first = await BotProcess.StartAsync(_folder, settings);
        try
        {
            return (first, await BotProcess.StartAsync(_folder, settings));
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }

    private static string Ms(TimeSpan delay) => $"{delay.TotalMilliseconds:0} ms";
}
