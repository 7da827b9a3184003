using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SupportBot.Bot.Tests.Language;

public sealed class NluEndpointsTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-nlu-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    private HttpClient Client(bool enableApi, string? trainingDirectory = null)
    {
        System.IO.Directory.CreateDirectory(_folder);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Data:Folder", _folder)
                .UseSetting("Directory:ConnectionString", $"Data Source={Path.Combine(_folder, "supportbot.db")}")
                .UseSetting("Directory:DemoData", "Never")
                .UseSetting("Mail:PickupDirectory", Path.Combine(_folder, "outbox"));
            if (enableApi)
            {
                builder.UseSetting("Nlu:EnableApi", "true");
            }

            if (trainingDirectory is not null)
            {
                builder.UseSetting("Nlu:TrainingDirectory", trainingDirectory);
            }
        });
        return _factory.CreateClient();
    }

    [Fact]
    public async Task EnabledApi_ReturnsIntentAndEntities()
    {
        var client = Client(enableApi: true);

        var response = await client.PostAsJsonAsync("/api/nlu",
            new { text = "jai perdu mon mdp, ma fille est née le 1er mars 2015, mon tel 06 12 34 56 78" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("jai perdu mon mdp, ma fille est née le 1er mars 2015, mon tel 06 12 34 56 78", root.GetProperty("text").GetString());
        Assert.Equal("mot_de_passe_oublie", root.GetProperty("intent").GetString());
        Assert.InRange(root.GetProperty("score").GetDouble(), 0.45, 1);
        var entities = root.GetProperty("entities").EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString(), e.GetProperty("value").GetString())).ToList();
        Assert.Equal([("date", "2015-03-01"), ("phone", "+33612345678")], entities);
    }

    [Fact]
    public async Task UnsureText_ReturnsNullIntent()
    {
        var client = Client(enableApi: true);

        var response = await client.PostAsJsonAsync("/api/nlu", new { text = "azertyuiop" }, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("intent").ValueKind);
        Assert.Empty(json.RootElement.GetProperty("entities").EnumerateArray());
    }

    [Fact]
    public async Task EmptyText_Returns400WithTheField()
    {
        var client = Client(enableApi: true);

        var response = await client.PostAsJsonAsync("/api/nlu", new { text = " " }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"text\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ApiOffByDefault_Returns404()
    {
        var client = Client(enableApi: false);

        var response = await client.PostAsJsonAsync("/api/nlu", new { text = "bonjour" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void BrokenTrainingFile_StopsTheStartWithFileAndLine()
    {
        var training = Path.Combine(_folder, "intents");
        System.IO.Directory.CreateDirectory(training);
        File.WriteAllText(Path.Combine(training, "salutation.yaml"), "schema: supportbot/intent-utterances/v1\nintent: salutation\nutterances:\n  - \"\"\n");

        var error = Record.Exception(() => Client(enableApi: true, trainingDirectory: training));

        Assert.NotNull(error);
        Assert.Contains($"{Path.Combine(training, "salutation.yaml")}:4: an utterance must be a non-empty line of text.", error.ToString());
    }
}
