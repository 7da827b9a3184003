using Microsoft.Extensions.Time.Testing;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>State on a real SQLite file: restarts, deployments that remove a step, two instances on one database.</summary>
public sealed class DialogStateTests
{
    [Fact]
    public async Task RestartMidConversation_ResumesAtTheSameStep()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var before = await BotTestHost.StartAsync(folder: folder))
            {
                await before.Conversation(conversationId: "c1", userId: "u1").Send("mot de passe oublié").AssertReply("Connaissez-vous")
                    .Send("oui").AssertReply("Quel est votre identifiant");
            }

            await using var after = await BotTestHost.StartAsync(folder: folder, seedDemo: false);
            await after.Conversation(conversationId: "c1", userId: "u1").Send("v.durant1")
                .AssertReply("un courriel contenant un lien");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task RestartDuringARetry_KeepsTheAttemptCount()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-retry-" + Guid.NewGuid().ToString("N"));
        try
        {
            // An e-mail where the identifier is asked is an answer refused (its own retry), not a message not understood.
            await using (var before = await BotTestHost.StartAsync(folder: folder))
            {
                await before.Conversation(conversationId: "c1", userId: "u1").Send("mot de passe oublié").AssertReply("Connaissez-vous")
                    .Send("oui").AssertReply("Quel est votre identifiant")
                    .Send("a@example.fr").AssertReply("Ceci ressemble à une adresse électronique")
                    .Send("b@example.fr").AssertReply("Ceci ressemble à une adresse électronique");
            }

            await using var after = await BotTestHost.StartAsync(folder: folder, seedDemo: false);
            await after.Conversation(conversationId: "c1", userId: "u1").Send("c@example.fr")
                .AssertReply("je ne vous comprends pas").AssertNoReply();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task RestartBetweenTwoMessagesNotUnderstood_StillOffersTheMenuAndAPerson()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-misunderstood-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var before = await BotTestHost.StartAsync(folder: folder))
            {
                await before.Conversation(conversationId: "c1", userId: "u1").Send("identifiant oublié").AssertReply("adresse")
                    .Send("valery chez example fr").AssertReply("prenom.nom@exemple.fr");
            }

            await using var after = await BotTestHost.StartAsync(folder: folder, seedDemo: false);
            await after.Conversation(conversationId: "c1", userId: "u1").Send("toujours pas")
                .AssertReply(r => Assert.Equal(["Voir le menu", "Parler à une personne"], r.SuggestedActions!.Actions.Select(a => a.Title)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task SavedStepRemovedByADeployment_RestartsAtTheMenuWithAnApology()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-deploy-" + Guid.NewGuid().ToString("N"));
        var dialogs = BotTestHost.CopyDialogs(folder);
        var settings = new Dictionary<string, string?> { ["Dialogs:Folder"] = dialogs };
        try
        {
            await using (var before = await BotTestHost.StartAsync(settings, folder))
            {
                await before.Conversation(conversationId: "c1", userId: "u1").Send("mot de passe oublié").AssertReply("Connaissez-vous")
                    .Send("oui").AssertReply("Quel est votre identifiant");
            }

            var file = Path.Combine(dialogs, "mot-de-passe-oublie.yaml");
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))
                .Replace("demander-identifiant", "identifiant-demande"), TestContext.Current.CancellationToken);

            await using var after = await BotTestHost.StartAsync(settings, folder, seedDemo: false);
            await after.Conversation(conversationId: "c1", userId: "u1").Send("v.durant1")
                .AssertReply("le service a été mis à jour")
                .AssertReply("Pour quelle difficulté puis-je vous aider ?")
                .AssertNoReply();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task TwoInstancesAnsweringOneConversationAtOnce_RunTheTurnsOneAfterTheOther()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-two-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        try
        {
            await using var first = await BotTestHost.StartAsync(folder: folder, time: time);
            await using var second = await BotTestHost.StartAsync(folder: folder, seedDemo: false, time: time);
            await first.Conversation(conversationId: "c1", userId: "u1").Send("mot de passe oublié").AssertReply("Connaissez-vous")
                .Send("oui").AssertReply("Quel est votre identifiant");

            // Two refused answers at once, one per instance: each turn must see the other's attempt (3 attempts allowed).
            var a = first.Conversation(conversationId: "c1", userId: "u1").Send("a@example.fr").AssertReply("Ceci ressemble à une adresse");
            var b = second.Conversation(conversationId: "c1", userId: "u1").Send("b@example.fr").AssertReply("Ceci ressemble à une adresse");
            await Task.WhenAll(Task.Run(async () => await a, TestContext.Current.CancellationToken), Task.Run(async () => await b, TestContext.Current.CancellationToken));

            await second.Conversation(conversationId: "c1", userId: "u1").Send("c@example.fr")
                .AssertReply("je ne vous comprends pas");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task TwoInstancesCountingOneSendersLookups_NeverLoseACount()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-count-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Dialogs:LookupsPerSender"] = "3" };
        try
        {
            await using var first = await BotTestHost.StartAsync(settings, folder);
            await using var second = await BotTestHost.StartAsync(settings, folder, seedDemo: false);
            var flows = Enumerable.Range(0, 8)
                .Select(i => (i % 2 == 0 ? first : second).Conversation(userId: "same-sender"))
                .Select(f => f.Send("identifiant oublié").AssertReply("adresse"))
                .ToList();
            foreach (var flow in flows)
            {
                await flow;
            }

            await Task.WhenAll(flows.Select(f => Task.Run(async () => await f.Send("valery.durant@example.fr").AssertReply(_ => { }), TestContext.Current.CancellationToken)));

            Assert.Equal(3, (await LostIdentifierDialogTests.OutboxAsync(first)).Count);
            Assert.Equal(3, flows.Count(f => f.Transcript.Any(r => r.Text!.Contains("Si un compte est rattaché"))));
            Assert.Equal(5, flows.Count(f => f.Transcript.Any(r => r.Text!.Contains("le nombre de recherches est limité"))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}
