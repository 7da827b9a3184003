using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Commands;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Declarative.Steps;
using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Tests.Dialogs;

public sealed class EngineTests
{
    [Fact]
    public void Activity_UsesTheBotFrameworkJsonNamesAndOmitsNulls()
    {
        const string fromWebChat = """
            {"type":"message","text":"bonjour","from":{"id":"dl_1","role":"user"},"locale":"fr-FR",
             "channelData":{"clientActivityID":"abc123"},"conversation":{"id":"c1"},"channelId":"directline","unknownField":1}
            """;

        var activity = ActivityJson.Deserialize(fromWebChat);
        var reply = activity.CreateReply();
        reply.Text = "Bonjour";
        reply.SuggestedActions = new SuggestedActions { Actions = [new CardAction("imBack", "Menu", "menu")] };
        var json = JsonDocument.Parse(ActivityJson.Serialize(reply)).RootElement;
        var roundTrip = JsonDocument.Parse(ActivityJson.Serialize(activity)).RootElement;

        Assert.Equal("abc123", activity.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.Equal("message", json.GetProperty("type").GetString());
        Assert.Equal("dl_1", json.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("c1", json.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("imBack", json.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("type").GetString());
        Assert.False(json.TryGetProperty("attachments", out _));
        Assert.False(json.TryGetProperty("value", out _));
        Assert.Equal(1, roundTrip.GetProperty("unknownField").GetInt32());
        Assert.Equal("abc123", roundTrip.GetProperty("channelData").GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public async Task PromptKindsHeardInAnyMessage_AreTheValuePrompts()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var dialogs = bot.Services.GetRequiredService<DialogSet>();

        var heard = PromptKinds.All.ToDictionary(k => k.Key, k => k.Value.Heard);
        var valuePrompts = PromptKinds.All.ToDictionary(k => k.Key, k => dialogs.Find(k.Value.DialogId) is IValuePrompt);

        Assert.Equal(valuePrompts, heard);
    }

    [Fact]
    public async Task PromptValidator_RefusesARecognizedAnswerAndRetries()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var catalog = bot.Services.GetRequiredService<DialogCatalog>();
        var position = new SourcePosition("test", 1);
        var options = new PromptOptions(
            new MessageText("Votre nom ?", "Votre nom ?", position), new MessageText("Sans chiffres, s'il vous plaît.", "Sans chiffres.", position), MaxAttempts: 2);
        PromptValidator<string> noDigits = (context, _) => Task.FromResult(!context.Recognized.Value!.Any(char.IsDigit));
        var dialogs = new DialogSet().Add(new TextPrompt("nom", noDigits));
        var stack = new List<DialogInstance>();
        var sent = new List<string?>();

        DialogContext Turn(string text)
        {
            var activity = new Activity { Text = text, ChannelId = "webchat", Conversation = new ConversationAccount("c"), From = new ChannelAccount("u") };
            var turn = new TurnContext(activity, bot.Services, new MessageRenderer(catalog), bot.Time);
            turn.OnSend((reply, _) =>
            {
                sent.Add(reply.Text);
                return Task.CompletedTask;
            });
            return new DialogContext(dialogs, turn, stack);
        }

        await Turn("").BeginDialogAsync("nom", options, TestContext.Current.CancellationToken);
        var refused = await Turn("R2D2").ContinueDialogAsync(TestContext.Current.CancellationToken);
        var accepted = await Turn("Durant").ContinueDialogAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DialogTurnStatus.Waiting, refused.Status);
        Assert.Equal(["Votre nom ?", "Sans chiffres, s'il vous plaît."], sent);
        Assert.Equal(new PromptResult(true, "Durant"), accepted.Result);
    }

    [Fact]
    public async Task ReplaceAndCancelAll_ChangeTheStackAsTheBotFrameworkDoes()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var catalog = bot.Services.GetRequiredService<DialogCatalog>();
        var dialogs = bot.Services.GetRequiredService<DialogSet>();
        var stack = new List<DialogInstance>();
        var activity = new Activity { Text = "", ChannelId = "webchat", Conversation = new ConversationAccount("c"), From = new ChannelAccount("u") };
        var dc = new DialogContext(dialogs, new TurnContext(activity, bot.Services, new MessageRenderer(catalog), bot.Time), stack);

        await dc.BeginDialogAsync("identifiant-oublie", cancellationToken: TestContext.Current.CancellationToken);
        var afterBegin = stack.Select(i => i.Id).ToList();
        stack.RemoveAt(stack.Count - 1);
        await dc.ReplaceDialogAsync("mot-de-passe-oublie", cancellationToken: TestContext.Current.CancellationToken);
        var afterReplace = stack.Select(i => i.Id).ToList();
        var cancelled = await dc.CancelAllDialogsAsync();

        Assert.Equal(["identifiant-oublie", EmailPrompt.DefaultId], afterBegin);
        Assert.Equal(["mot-de-passe-oublie", ConfirmPrompt.DefaultId], afterReplace);
        Assert.Equal(DialogTurnStatus.Cancelled, cancelled.Status);
        Assert.Empty(stack);
    }

    [Fact]
    public async Task ChatPiped_PrintsOnlyTheRepliesWithNumberedSmsChoices()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-chat-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var output = new StringWriter();
        try
        {
            var code = await BotCommandLine.RunAsync(["chat", "--channel", "sms"], services => services
                    .AddDialogEngineForTests()
                    .Configure<AccountDirectory.DirectoryOptions>(o => o.ConnectionString = $"Data Source={Path.Combine(folder, "chat.db")}")
                    .Configure<AccountDirectory.Mail.MailOptions>(o => o.PickupDirectory = Path.Combine(folder, "outbox"))
                    .Configure<Bot.Dialogs.DialogsOptions>(o => o.Folder = BotTestHost.RepositoryDialogs),
                new Terminal(new StringReader("menu\n1\nvalery.durant@example.fr\n2\n"), output, new StringWriter()));

            Assert.Equal(ExitCodes.Success, code);
            var text = output.ToString();
            Assert.StartsWith("Pour quelle difficulte puis-je vous aider ?\n1. Identifiant oublie", text.ReplaceLineEndings("\n"));
            Assert.Contains("Si un compte est rattache a cette adresse", text);
            Assert.Contains("Je vous en prie, bonne journee !", text);
            Assert.DoesNotContain("> ", text);
            Assert.Single(Directory.GetFiles(Path.Combine(folder, "outbox"), "*.eml"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task InvalidDialogFile_ServiceRefusesToStart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-start-" + Guid.NewGuid().ToString("N"));
        var dialogs = BotTestHost.CopyDialogs(folder);
        File.AppendAllText(Path.Combine(dialogs, "menu.yaml"), "  - id: orpheline\n    kind: message\n    text: Perdue\n");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Data:Folder", folder);
            web.UseSetting("Directory:ConnectionString", $"Data Source={Path.Combine(folder, "supportbot.db")}");
            web.UseSetting("Dialogs:Folder", dialogs);
        });
        try
        {
            var refused = Assert.Throws<DialogValidationException>(() => factory.Server);

            Assert.Contains("dialogs/menu.yaml:", refused.Message);
            Assert.Contains("the step « orpheline » cannot be reached", refused.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}
