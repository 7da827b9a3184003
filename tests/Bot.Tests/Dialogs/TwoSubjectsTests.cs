using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>Two problems in one message: the first path, then the second offered where « autre chose ? » would be asked.</summary>
public sealed class TwoSubjectsTests
{
    private const string CodeAndCall = "pas reçu le code sms et personne ne répond à l'école, je peux appeler qui ?";

    [Fact]
    public async Task CodeAndWhoToCall_Web_BothAnswered()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send(CodeAndCall).AssertReply("valable **30 minutes**").AssertReply("Voulez-vous voir comment le faire corriger ?")
            .Send("non").AssertReply(r =>
            {
                Assert.Equal("Vous parliez aussi de « Parler à une personne » : voulez-vous que nous en parlions ?", r.Text);
                Assert.Equal(["Oui", "Non"], r.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .Send("oui").AssertReply("0 809 54 06 06").AssertNoReply();
    }

    [Fact]
    public async Task CodeAndWhoToCall_Sms_BothAnswered()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, Channels.Sms).Send(CodeAndCall).AssertReply("Le code SMS est valable 30 minutes").AssertReply("corriger")
            .Send("2").AssertReply("Vous parliez aussi de : Parler a une personne. Voulez-vous que nous en parlions ?\n1. Oui\n2. Non\nRepondez 1 ou 2.")
            .Send("1").AssertReply("Assistance nationale : 0 809 54 06 06").AssertNoReply();
    }

    [Fact]
    public async Task TwoSubjectsWhileTheWebMenuWaits_AreNotTakenForTheMenuWordInIt()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Join().AssertReply("Bonjour").AssertReply("Pour quelle difficulté")
            .Send(CodeAndCall).AssertReply("valable **30 minutes**").AssertReply("corriger")
            .Send("non").AssertReply("Vous parliez aussi de « Parler à une personne »");
    }

    [Fact]
    public async Task FirstPathEndsWithoutAnythingElse_TheSecondIsOfferedAnyway()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("je peux appeler qui ? et je n'ai pas reçu le code sms")
            .AssertReply("0 809 54 06 06")
            .AssertReply("Vous parliez aussi de « Le code SMS »")
            .Send("oui").AssertReply("valable **30 minutes**");
    }

    [Fact]
    public async Task IdentifierAndPassword_OneAfterTheOther()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("j'ai oublié mon identifiant et mon mot de passe").AssertReply("Quelle est l'adresse électronique")
            .Send("valery.durant@example.fr").AssertReply("Si un compte est rattaché à cette adresse")
            .AssertReply("Vous parliez aussi de « Mot de passe oublié »")
            .Send("oui").AssertReply("Connaissez-vous votre identifiant");
    }

    [Fact]
    public async Task ValueTakenByTheFirstPath_IsNotGivenToTheSecond()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("j'ai oublié mon identifiant et mon mot de passe, mon adresse c'est valery.durant@example.fr")
            .AssertReply("J'ai noté l'adresse valery.durant@example.fr.").AssertReply("Si un compte est rattaché")
            .AssertReply("Vous parliez aussi de « Mot de passe oublié »")
            .Send("oui").AssertReply("Connaissez-vous votre identifiant")
            .Send("oui c'est v.durant1").AssertReply("J'ai noté l'identifiant v.durant1.").AssertReply("Si cet identifiant correspond");

        Assert.Equal(2, LostIdentifierDialogTests.Outbox(bot).Count);
    }

    [Fact]
    public async Task SecondSubjectDeclined_Goodbye()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send(CodeAndCall).AssertReply("30 minutes").AssertReply("corriger")
            .Send("non").AssertReply("Vous parliez aussi de")
            .Send("non merci").AssertReply("bonne journée").AssertNoReply();
    }

    [Theory]
    [InlineData("merci, mais le code n'arrive toujours pas", "30 minutes")]
    [InlineData("quelle météo demain ? et mon mot de passe ne marche pas", "Connaissez-vous votre identifiant")]
    public async Task ProblemAmongSmallTalk_IsTheSubject(string message, string expected)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send(message).AssertReply(expected);
    }

    [Fact]
    public async Task CommandInBetween_DropsTheSecondSubject()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send(CodeAndCall).AssertReply("30 minutes").AssertReply("corriger")
            .Send("annuler").AssertReply("C'est annulé").AssertNoReply()
            .Send("où est modulo ?").AssertReply("toutatice").AssertReply(r => Assert.Equal("Puis-je vous aider pour autre chose ?", r.Text));
    }
}
