using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>
/// Two problems in one message: what one path only has to say is said at once, the other path runs; a second path with
/// more to do than inform is offered where « autre chose ? » would be asked.
/// </summary>
public sealed class TwoSubjectsTests
{
    private const string CodeAndCall = "pas reçu le code sms et personne ne répond à l'école, je peux appeler qui ?";

    [Fact]
    public async Task CodeAndWhoToCall_Web_BothAnsweredAtOnce()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send(CodeAndCall).AssertReply("0 809 54 06 06")
            .AssertReply("valable **30 minutes**").AssertReply("Voulez-vous voir comment le faire corriger ?")
            .Send("non").AssertReply(r =>
            {
                Assert.Equal("Puis-je vous aider pour autre chose ?", r.Text);
                Assert.Equal(["Oui", "Non"], r.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .AssertNoReply();
    }

    [Fact]
    public async Task CodeAndWhoToCall_Sms_BothAnsweredAtOnce()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, Channels.Sms).Send(CodeAndCall).AssertReply("Assistance nationale : 0 809 54 06 06")
            .AssertReply("Le code SMS est valable 30 minutes").AssertReply("corriger")
            .Send("2").AssertReply("Puis-je vous aider pour autre chose ?\n1. Oui\n2. Non\nRepondez 1 ou 2.").AssertNoReply();
    }

    [Fact]
    public async Task TwoSubjectsWhileTheWebMenuWaits_AreNotTakenForTheMenuWordInIt()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Join().AssertReply("Bonjour").AssertReply("Pour quelle difficulté")
            .Send(CodeAndCall).AssertReply("0 809 54 06 06").AssertReply("valable **30 minutes**").AssertReply("corriger");
    }

    [Fact]
    public async Task InformationOnlyFirst_ThenThePathThatAsks()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("je peux appeler qui ? et je n'ai pas reçu le code sms")
            .AssertReply("0 809 54 06 06")
            .AssertReply("valable **30 minutes**").AssertReply("corriger").AssertNoReply();
    }

    [Fact]
    public async Task SecondThatInforms_IsSaidBeforeTheFirstAsks()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("la date de naissance de ma fille est refusée et en plus j'avais pas reçu le code sms")
            .AssertReply("valable **30 minutes**")
            .AssertReply("La date de naissance saisie est incorrecte").AssertReply("Voulez-vous que je transmette")
            .Send("non").AssertReply("Puis-je vous aider pour autre chose ?");
    }

    [Fact]
    public async Task SecondThatActs_IsSaidThenOfferedWhenTheFirstEnds()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("j'ai oublié mon identifiant et en plus informations saisies non trouvées")
            .AssertReply("fiche de renseignements").AssertReply("Quelle est l'adresse électronique")
            .Send("valery.durant@example.fr").AssertReply("Si un compte est rattaché à cette adresse")
            .AssertReply("Vous parliez aussi de « Numéro de téléphone non reconnu »")
            .Send("oui").AssertReply("fiche de renseignements");
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

        Assert.Equal(2, (await LostIdentifierDialogTests.OutboxAsync(bot)).Count);
    }

    [Fact]
    public async Task SecondSubjectDeclined_Goodbye()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("j'ai oublié mon identifiant et mon mot de passe").AssertReply("adresse électronique")
            .Send("valery.durant@example.fr").AssertReply("Si un compte est rattaché").AssertReply("Vous parliez aussi de")
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

        await bot.Conversation().Send("j'ai oublié mon identifiant et mon mot de passe").AssertReply("adresse électronique")
            .Send("annuler").AssertReply("C'est annulé").AssertNoReply()
            .Send("où est modulo ?").AssertReply("toutatice").AssertReply(r => Assert.Equal("Puis-je vous aider pour autre chose ?", r.Text));
    }
}
