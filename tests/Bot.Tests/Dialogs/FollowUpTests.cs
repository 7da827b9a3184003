using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>
/// What parents write while a question waits that is not its answer: a clear problem holding a word of the menu, a
/// school named by the word that sets it apart, a follow-up on what was just said.
/// </summary>
public sealed class FollowUpTests
{
    [Theory]
    [InlineData("je n'ai pas de téléphone portable, comment je peux avoir un compte ?", "Je ne souhaite pas utiliser de téléphone portable")]
    [InlineData("il veut pas de mon mot de passe Ecole2024! il dit qu'il est pas valide", "de 8 à 14 caractères")]
    public async Task MenuWordInAClearProblem_GivesWayToItsPath(string message, string answer)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Join().AssertReply("Bonjour").AssertReply("Pour quelle difficulté")
            .Send(message).AssertReply(answer);
    }

    [Fact]
    public async Task MenuWordAlone_StillChoosesTheEntry()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Join().AssertReply("Bonjour").AssertReply("Pour quelle difficulté")
            .Send("plutôt l'espace école").AssertReply("www.toutatice.fr");
    }

    [Theory]
    [InlineData("l'élémentaire", "Quel numéro de téléphone portable")]
    [InlineData("la maternelle", "Quel numéro de téléphone portable")]
    [InlineData("Rennes", "Plusieurs écoles correspondent")]
    public async Task WordsOfOneChoiceOnly_ChooseIt(string answer, string next)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("informations saisies non trouvées").AssertReply("fiche").AssertReply("Le voulez-vous")
            .Send("oui").AssertReply("prénom et votre nom").Send("Valéry Durant").AssertReply("votre enfant")
            .Send("Alexis Durand").AssertReply("Dans quelle école")
            .Send("jean moulin rennes").AssertReply("Plusieurs écoles correspondent")
            .Send(answer).AssertReply(next);
    }

    [Theory]
    [InlineData(Channels.Web)]
    [InlineData(Channels.Sms)]
    public async Task FollowUpOnThePathJustAnswered_AnswersAgain(string channel)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await ValuesHeardTests.Flow(bot, channel).Send("je reçois pas le code par sms").AssertReply("30 minutes").AssertReply("?")
            .Send("je l'ai reçu mais au bout d'une heure, il marche encore ?").AssertReply("30 minutes").AssertReply("?");
    }
}
