using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.Tests.Dialogs;

public sealed class DialogBotTests
{
    [Fact]
    public async Task WebChatOpening_GreetsAndShowsTheMenu()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Join()
            .AssertReply("Bonjour, je suis l'assistant de Toutatice")
            .AssertReply("Pour quelle difficulté puis-je vous aider ?")
            .AssertNoReply();
    }

    [Fact]
    public async Task PageReloadedOrReconnected_IsNotWelcomedAgain()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var flow = bot.Conversation();

        await flow.Join().AssertReply("Bonjour, je suis l'assistant de Toutatice").AssertReply("Pour quelle difficulté")
            .Send("où est modulo ?").AssertReply("Je me connecte").AssertReply("autre chose")
            .Send("non").AssertReply("bonne journée")
            .Join().AssertNoReply()
            .Join().AssertNoReply();
    }

    [Fact]
    public async Task WebChatJoinEvent_GreetsOnceAndOtherEventsAreIgnored()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var engine = bot.Engine;
        Activity Event(string name) => new()
        {
            Type = ActivityTypes.Event, Name = name, ChannelId = "directline", Conversation = new ConversationAccount("c-join"),
            From = new ChannelAccount("u"), Recipient = new ChannelAccount("supportbot"),
        };

        var greeting = await engine.ProcessAsync(Event("webchat/join"), cancellationToken: TestContext.Current.CancellationToken);
        var again = await engine.ProcessAsync(Event("webchat/join"), cancellationToken: TestContext.Current.CancellationToken);
        var other = await engine.ProcessAsync(Event("autre"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, greeting.Count);
        Assert.StartsWith("Bonjour", greeting[0].Text);
        Assert.Empty(again);
        Assert.Empty(other);
    }

    [Fact]
    public async Task ActivityWithoutConversation_IsRefusedBeforeAnyState()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await Assert.ThrowsAsync<ArgumentException>(() => bot.Engine.ProcessAsync(new Activity { Text = "menu", ChannelId = "webchat" },
            cancellationToken: TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("Recommencer")]
    [InlineData("MENU !")]
    public async Task MenuCommandMidPath_LeavesThePathForTheMenu(string command)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("identifiant oublié").AssertReply("adresse")
            .Send(command).AssertReply("Pour quelle difficulté")
            .Send("2").AssertReply("Connaissez-vous votre identifiant");
    }

    [Fact]
    public async Task ChangeOfSubjectWhileAsked_SwitchesToThatPath()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("identifiant oublié").AssertReply("adresse électronique")
            .Send("en fait c'est mon mot de passe que j'ai perdu").AssertReply("Connaissez-vous votre identifiant")
            .Send("je ne connais pas mon identifiant non plus").AssertReply("Je peux vous le renvoyer par courriel")
            .Send("bof").AssertReply("prenom.nom@exemple.fr");
    }

    [Fact]
    public async Task CancelMidPath_StopsAndSaysHowToComeBack()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("annuler").AssertReply("C'est annulé").AssertNoReply()
            .Send("valery.durant@example.fr").AssertReply("Je ne suis pas certain d'avoir compris");
    }

    [Fact]
    public async Task UnsureOnce_AsksWhichSubjectWithTheLikeliestPaths()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("je ne me souviens plus")
            .AssertReply(r =>
            {
                Assert.StartsWith("Je ne suis pas certain d'avoir compris", r.Text);
                Assert.Equal(["Identifiant oublié", "Mot de passe oublié", "Autre chose (voir le menu)"], r.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .Send("Identifiant oublié").AssertReply("Je peux vous le renvoyer par courriel");
    }

    [Fact]
    public async Task UnsureWithNothingLikely_OffersOnlyTheMenu()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("ça ne marche pas")
            .AssertReply(r => Assert.Equal(["Autre chose (voir le menu)"], r.SuggestedActions!.Actions.Select(a => a.Title)));
    }

    [Fact]
    public async Task UnsureTwiceInARow_OffersTheMenuAndAPerson()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("ça ne marche pas").AssertReply("Je ne suis pas certain")
            .Send("annuler").AssertReply("C'est annulé")
            .Send("bof").AssertReply("Je ne suis pas certain")
            .Send("euh").AssertReply(r => Assert.Equal(["Voir le menu", "Parler à une personne"], r.SuggestedActions!.Actions.Select(a => a.Title)))
            .Send("Parler à une personne").AssertReply("0 809 54 06 06");
    }

    [Fact]
    public async Task FaultInATurn_ApologisesInFrenchAndLogsIt()
    {
        var logs = new CollectingLoggerProvider();
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-fault-" + Guid.NewGuid().ToString("N"));
        var dialogs = BotTestHost.CopyDialogs(folder);
        var file = Path.Combine(dialogs, "identifiant-oublie.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))
            .Replace("action: envoyer-identifiant", "action: panne"), TestContext.Current.CancellationToken);
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Dialogs:Folder"] = dialogs }, folder,
            configure: s => s.AddSingleton<IDialogAction, FailingActionTestDouble>().AddLogging(b => b.AddProvider(logs)));
        var flow = bot.Conversation();

        await flow.Send("identifiant oublié").AssertReply("adresse")
            .Send("valery.durant@example.fr")
            .AssertReply("Toutes nos excuses : une erreur technique nous empêche de vous répondre")
            .AssertNoReply()
            .Send("valery.durant@example.fr")
            .AssertReply("Toutes nos excuses");

        Assert.Contains(logs.Entries, e => e is { Level: LogLevel.Error, Exception: InvalidOperationException { Message: "Panne simulée" } });
    }

    [Fact]
    public async Task Transcript_IsLoggedWithPersonalDataMasked()
    {
        var logs = new CollectingLoggerProvider();
        await using var bot = await BotTestHost.StartAsync(configure: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information)));

        await bot.Conversation().Send("identifiant oublié pour v.durant1, né le 16/06/2013").AssertReply("adresse")
            .Send("valery.durant@example.fr ou 06 12 34 56 78").AssertReply("Si un compte");
        await bot.DeliverMailAsync();

        var transcript = string.Join("\n", logs.Entries.Where(e => e.Category.EndsWith("TranscriptLoggingMiddleware")).Select(e => e.Message));
        Assert.True(transcript.Contains("parent (message): identifiant oublié pour v.***, né le **/**/****", StringComparison.Ordinal), transcript);

        // The answer to « quelle adresse ? » is the parent's own, whatever is in it: none of it is logged.
        Assert.Contains("parent (message): ***\n", transcript + "\n");
        Assert.DoesNotContain("valery.durant", transcript);
        Assert.DoesNotContain("v.durant1", transcript);
        Assert.DoesNotContain("16/06/2013", transcript);
        Assert.DoesNotContain("12 34 56", transcript);
        var mailLog = string.Join("\n", logs.Entries.Select(e => e.Message));
        Assert.Contains("Mail envoyer-identifiant sent to v***@example.fr", mailLog);
    }

    private sealed class FailingActionTestDouble : IDialogAction
    {
        public string Name => "panne";

        public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "traite", "limite" };

        public IReadOnlySet<string> Parameters { get; } = new HashSet<string>();

        public Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Panne simulée");
    }
}
