using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>Out of scope, thanks and goodbyes, messages not understood: polite and short on both channels.</summary>
public sealed class ConversationHandlingTests
{
    public static TheoryData<string> BothChannels => ValuesHeardTests.BothChannels;

    [Fact]
    public async Task OutOfScopeAtTheWebMenu_DeclinesThenShowsTheMenuAgain()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Join().AssertReply("Bonjour").AssertReply("Pour quelle difficulté")
            .Send("quelle météo demain ?")
            .AssertReply("Je ne peux pas vous aider pour cela : je réponds aux questions de connexion à **EduConnect** et à l'espace **Modulo**. Pour le reste, adressez-vous à l'école de votre enfant.")
            .AssertReply(r => Assert.Equal(8, r.SuggestedActions!.Actions.Count))
            .AssertNoReply();
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task OutOfScopeMidPath_DeclinesThenAsksTheQuestionAgain(string channel)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, channel).Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("je voudrais inscrire mon fils à la cantine").AssertReply("Je ne peux pas vous aider pour cela")
            .AssertReply("Connaissez-vous").AssertNoReply()
            .Send("oui").AssertReply("Quel est votre identifiant");
    }

    [Fact]
    public async Task OutOfScopeFirstSms_DeclinesAndSaysWhereToGo()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, Channels.Sms).Send("quelle météo demain ?")
            .AssertReply("Je ne peux pas vous aider pour cela : je reponds aux questions de connexion a EduConnect et Modulo. Pour le reste, adressez-vous a l'ecole de votre enfant.")
            .AssertNoReply();
    }

    [Theory]
    [InlineData(Channels.Web, "ok merci c bon j'ai trouvé")]
    [InlineData(Channels.Sms, "ok merci c bon j'ai trouvé")]
    [InlineData(Channels.Web, "merci")]
    [InlineData(Channels.Web, "au revoir")]
    [InlineData(Channels.Sms, "non merci")]
    [InlineData(Channels.Sms, "2")]
    public async Task ThanksOrNoAtAnythingElse_SaysGoodbye(string channel, string message)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, channel).Send("où est modulo ?").AssertReply("toutatice").AssertReply("autre chose")
            .Send(message).AssertReply("Je vous en prie, bonne journ").AssertNoReply();
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task YesAtAnythingElse_ShowsTheMenu(string channel)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, channel).Send("où est modulo ?").AssertReply("toutatice").AssertReply("autre chose")
            .Send("oui").AssertReply("Pour quelle difficult");
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task ThanksAfterAnAnswer_SaysGoodbyeNotTheMenu(string channel)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, channel).Send("je veux parler à un humain").AssertReply("0 809 54 06 06").AssertNoReply()
            .Send("ok merci c bon j'ai trouvé").AssertReply("Je vous en prie, bonne journ").AssertNoReply();
    }

    [Fact]
    public async Task TwoMessagesNotUnderstoodAtTheWebMenu_OfferTheMenuAndAPerson()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Join().AssertReply("Bonjour").AssertReply("Pour quelle difficulté")
            .Send("bof").AssertReply("Pour quelle difficulté")
            .Send("euh").AssertReply(r =>
            {
                Assert.StartsWith("Excusez-moi, je ne vous comprends pas.", r.Text);
                Assert.Equal(["Voir le menu", "Parler à une personne"], r.SuggestedActions!.Actions.Select(a => a.Title));
            })
            .Send("Parler à une personne").AssertReply("0 809 54 06 06");
    }

    [Fact]
    public async Task TwoSmsNotUnderstood_OfferTheMenuAndAPerson()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, Channels.Sms).Send("bof").AssertReply("Je ne suis pas certain d'avoir compris")
            .Send("euh").AssertReply("Excusez-moi, je ne vous comprends pas. Choisissez :\n1. Le menu\n2. Parler a une personne\nRepondez 1 ou 2.")
            .Send("2").AssertReply("Assistance nationale : 0 809 54 06 06");
    }

    [Fact]
    public async Task MessagesNotUnderstoodNotInARow_AreNotTwo()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("bof").AssertReply("Je ne suis pas certain")
            .Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("euh").AssertReply("Connaissez-vous")
            .Send("oui").AssertReply("Quel est votre identifiant");
    }

    [Fact]
    public async Task SmallTalkWhileAsked_IsNotAMisunderstanding()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("identifiant oublié").AssertReply("adresse")
            .Send("bof").AssertReply("prenom.nom@exemple.fr")
            .Send("bonjour").AssertReply("prenom.nom@exemple.fr")
            .Send("euh").AssertReply("je ne vous comprends pas");
    }

    [Theory]
    [InlineData("identifiant oublié", "adresse", "merci")]
    [InlineData("identifiant oublié", "adresse", "ok merci c bon j'ai trouvé")]
    [InlineData("le code sms a expiré", "30 minutes", "ok merci")]
    [InlineData("la date de naissance saisie est incorrecte", "ONDE", "ok je réessaie dans quelques jours merci")]
    [InlineData("informations saisies non trouvées", "fiche de renseignements", "d'accord merci")]
    public async Task ThanksWhileAsked_SaysGoodbye(string subject, string answer, string thanks)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var flow = bot.Conversation().Send(subject).AssertReply(answer);
        if (!subject.StartsWith("identifiant", StringComparison.Ordinal))
        {
            flow = flow.AssertReply("?");
        }

        await flow.Send(thanks).AssertReply("Je vous en prie, bonne journ").AssertNoReply();
    }

    [Theory]
    [InlineData("oui merci", "Quels sont votre prénom et votre nom ?")]
    [InlineData("oui", "Quels sont votre prénom et votre nom ?")]
    [InlineData("non merci", "autre chose")]
    public async Task YesOrNoWithThanks_AnswersTheQuestion(string answer, string next)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("la date de naissance saisie est incorrecte").AssertReply("ONDE").AssertReply("transmette")
            .Send(answer).AssertReply(next);
    }
}
