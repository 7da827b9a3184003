using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>The paths that explain: Modulo, the SMS code, an existing account, FranceConnect, children, e-mail, fraud, a person, small talk.</summary>
public sealed class InformationPathTests
{
    [Fact]
    public async Task Modulo_GivesTheWayThroughToutatice()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("je ne trouve pas modulo")
            .AssertReply(r =>
            {
                Assert.Contains("**www.toutatice.fr**", r.Text);
                Assert.Contains("**Je me connecte**", r.Text);
                Assert.Contains("**Responsable d'élève**", r.Text);
                Assert.Contains("**encadré orange**", r.Text);
                Assert.Contains("**Mes applications**", r.Text);
            })
            .AssertReply("autre chose")
            .Send("oui").AssertReply("Pour quelle difficulté");
    }

    [Fact]
    public async Task SmsCode_ExplainsTheThirtyMinutesAndLeadsToThePhonePath()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation(Channels.Sms, "+33622222222", "+33622222222").Send("je n'ai pas reçu le code")
            .AssertReply(r =>
            {
                Assert.Contains("valable 30 minutes", r.Text);
                Assert.Contains("'Reessayer'", r.Text);
                Assert.Contains("jamais de lien", r.Text);
            })
            .AssertReply("Toujours pas de code ?")
            .Send("1").AssertReply("fiche de renseignements");
    }

    [Fact]
    public async Task AccountAlreadyExists_OffersTheLostIdentifierAndPasswordPaths()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("il me dit qu'un compte existe déjà")
            .AssertReply("un compte EduConnect est déjà activé pour ces informations")
            .AssertReply("Que vous manque-t-il ?")
            .Send("mon mot de passe").AssertReply("Connaissez-vous votre identifiant");
    }

    [Fact]
    public async Task ActivationMenu_UnreadableChoiceTwice_OffersTheMenuAndAPerson()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("activer mon compte").AssertReply("trois façons").AssertReply("difficultés")
            .Send("bof").AssertReply("difficultés")
            .Send("9").AssertReply("je ne vous comprends pas")
            .Send("menu").AssertReply("Pour quelle difficulté");
    }

    [Theory]
    [InlineData("1", "S'identifier avec FranceConnect", "Rencontrez-vous l'une de ces difficultés ?")]
    [InlineData("2", "**Ajouter des enfants depuis un autre compte**", "autre chose")]
    [InlineData("3", "« Renvoyer un email de validation »", "Vous ne trouvez pas ce courriel de validation ?")]
    [InlineData("4", "ne contiennent **jamais de lien**", "autre chose")]
    [InlineData("5", "La date de naissance saisie est incorrecte", "transmette une demande de correction")]
    public async Task OtherQuestions_EachAnswered(string choice, string expected, string then)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("menu").AssertReply("Pour quelle difficulté")
            .Send("Autres questions").AssertReply("Quelle est votre question ?")
            .Send(choice).AssertReply(expected).AssertReply(then);
    }

    [Fact]
    public async Task ChildMissing_ExplainsGroupingAccounts()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("mon deuxième enfant n'apparaît pas").AssertReply("**Gérer mon compte**").AssertReply("autre chose");
    }

    [Fact]
    public async Task Person_GivesTheNationalLineAndItsHours()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("je veux parler à un humain").AssertReply(r =>
        {
            Assert.Contains("**0 809 54 06 06**", r.Text);
            Assert.Contains("du lundi au vendredi de 8h à 20h et le samedi de 8h à 12h", r.Text);
            Assert.Contains("sauf au mois d'août", r.Text);
        });
    }

    [Fact]
    public async Task GreetingThanksAndOutOfScope_AnsweredPolitely()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation()
            .Send("bonjour").AssertReply("Bonjour, je suis l'assistant de Toutatice").AssertReply("Pour quelle difficulté")
            .Send("quelle meteo demain ?").AssertReply("Je ne peux pas vous aider pour cela").AssertReply("Pour quelle difficulté")
            .Send("annuler").AssertReply("C'est annulé")
            .Send("quelle meteo demain ?").AssertReply("adressez-vous à l'école de votre enfant").AssertNoReply()
            .Send("merci beaucoup").AssertReply("Je vous en prie, bonne journée").AssertNoReply();
    }
}
