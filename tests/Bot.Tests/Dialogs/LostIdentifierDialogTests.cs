using MimeKit;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Dialogs;

public sealed class LostIdentifierDialogTests
{
    private const string Neutral = "Si un compte est rattaché à cette adresse, un courriel vient de partir";

    [Fact]
    public async Task KnownConfirmedAddress_MailsTheIdentifierWithoutShowingIt()
    {
        await using var bot = await BotTestHost.StartAsync();
        var flow = bot.Conversation();

        await flow.Send("j'ai oublié mon identifiant")
            .AssertReply("Quelle est l'adresse électronique")
            .Send("c'est valery.durant@example.fr")
            .AssertReply(Neutral)
            .AssertReply("Puis-je vous aider pour autre chose ?")
            .Send("non merci")
            .AssertReply("bonne journée")
            .AssertNoReply();

        var mail = Assert.Single(await OutboxAsync(bot));
        Assert.Equal("valery.durant@example.fr", mail.To.Mailboxes.Single().Address);
        Assert.Contains("v.durant1", mail.TextBody);
        Assert.DoesNotContain(flow.Transcript, r => r.Text!.Contains("v.durant1"));
    }

    [Theory]
    [InlineData("inconnu@example.fr")]
    [InlineData("guillaume.ehcama@example.fr")]
    public async Task UnknownOrUnconfirmedAddress_SameWordsAndNoMail(string address)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("identifiant perdu").AssertReply("adresse électronique")
            .Send(address)
            .AssertReply(r =>
            {
                Assert.Contains(Neutral, r.Text);
                Assert.Contains("courriers indésirables", r.Text);
            })
            .AssertReply("autre chose");

        Assert.Empty(await OutboxAsync(bot));
    }

    [Fact]
    public async Task NotAnAddress_RetriesThenOffersTheMenuAndAPerson()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("identifiant oublié").AssertReply("adresse électronique")
            .Send("valery chez example fr")
            .AssertReply("prenom.nom@exemple.fr")
            .Send("valery point durant")
            .AssertReply("Excusez-moi, je ne vous comprends pas. Vous pouvez choisir un sujet dans le menu, ou parler à une personne.")
            .AssertNoReply();

        Assert.Empty(await OutboxAsync(bot));
    }

    [Fact]
    public async Task Sms_PlainTextAndNumberedChoicesAnsweredWithADigit()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation(Channels.Sms, "+33612345678", "+33612345678")
            .Send("identifiant oublie")
            .AssertReply(r =>
            {
                Assert.Equal("plain", r.TextFormat);
                Assert.Null(r.SuggestedActions);
            })
            .Send("valery.durant@example.fr")
            .AssertReply("Si un compte est rattache a cette adresse")
            .AssertReply(r => Assert.EndsWith("autre chose ?\n1. Oui\n2. Non\nRepondez 1 ou 2.", r.Text))
            .Send("1")
            .AssertReply(r =>
            {
                Assert.StartsWith("Pour quelle difficulte puis-je vous aider ?\n1. Identifiant oublie\n2. Mot de passe oublie\n", r.Text);
                Assert.EndsWith("\n8. Parler a une personne\nRepondez 1, 2, 3, 4, 5, 6, 7 ou 8.", r.Text);
            })
            .Send("8")
            .AssertReply("0 809 54 06 06");
    }

    [Fact]
    public async Task Web_ChoicesAreSuggestedActions()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("menu").AssertReply(r =>
        {
            Assert.Equal("markdown", r.TextFormat);
            Assert.Equal(
                ["Identifiant oublié", "Mot de passe oublié", "Créer ou activer mon compte", "Numéro de téléphone refusé", "Accéder à Modulo",
                    "Courrier ou mot de passe provisoire perdu", "Autres questions", "Parler à une personne"],
                r.SuggestedActions!.Actions.Select(a => a.Title));
            Assert.All(r.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
        });
    }

    [Fact]
    public async Task ManyLookupsInOneConversation_AreRefusedPolitely()
    {
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Dialogs:LookupsPerConversation"] = "2" });
        var flow = bot.Conversation();

        for (var i = 0; i < 2; i++)
        {
            _ = flow.Send("identifiant oublié").AssertReply("adresse").Send($"test{i}@example.fr").AssertReply(Neutral).AssertReply("autre chose").Send("non").AssertReply("bonne journée");
        }

        await flow.Send("identifiant oublié").AssertReply("adresse").Send("valery.durant@example.fr")
            .AssertReply("le nombre de recherches est limité").AssertNoReply();
        Assert.Empty(await OutboxAsync(bot));
    }

    [Fact]
    public async Task ManyLookupsFromOneSender_AreRefusedAcrossConversations()
    {
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Dialogs:LookupsPerSender"] = "1" });

        await bot.Conversation(userId: "parent-1").Send("identifiant oublié").AssertReply("adresse").Send("a@example.fr").AssertReply(Neutral);
        await bot.Conversation(userId: "parent-1").Send("identifiant oublié").AssertReply("adresse").Send("valery.durant@example.fr")
            .AssertReply("le nombre de recherches est limité");

        Assert.Empty(await OutboxAsync(bot));
    }

    [Fact]
    public async Task RealSmtpServer_ReceivesTheIdentifier()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(),
            ["Mail:Smtp:Security"] = "None",
        });

        await bot.Conversation().Send("j'ai oublié mon identifiant").AssertReply("adresse")
            .Send("Valery.Durant@example.fr").AssertReply(Neutral);
        await bot.DeliverMailAsync();

        var mail = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "valery.durant@example.fr"));
        Assert.Equal("Votre identifiant EduConnect", mail.Subject);
        Assert.Contains("Votre identifiant : v.durant1", mail.TextBody);
    }

    /// <summary>The mails in the outbox once the mail worker has sent what the conversations queued.</summary>
    internal static async Task<IReadOnlyList<MimeMessage>> OutboxAsync(BotTestHost bot)
    {
        await bot.DeliverMailAsync();
        return System.IO.Directory.Exists(bot.OutboxPath)
            ? [.. System.IO.Directory.GetFiles(bot.OutboxPath, "*.eml").Order().Select(f => MimeMessage.Load(f))]
            : [];
    }
}
