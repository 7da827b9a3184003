using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>
/// Each situation of the académie's guides reached at the parent's first message, in the parents' own words, on both
/// channels: the specific answer, not the overview one button before it.
/// </summary>
public sealed class SituationPathTests
{
    [Theory]
    [InlineData("j'ai reçu un sms educonnect avec un lien pour réactiver mon compte, c'est normal ?", "ne contiennent **jamais de lien**")]
    [InlineData("un texto me demande de cliquer sur un lien sinon mon compte sera bloqué", "**https://educonnect.education.gouv.fr**")]
    [InlineData("je n'ai pas de téléphone portable, seulement un fixe", "« Je ne souhaite pas utiliser de téléphone portable »")]
    [InlineData("g pas de portable comment je fais pour modulo", "c'est l'école qui vous remet votre compte")]
    [InlineData("j'ai perdu mon mot de passe provisoire", "**avec réinitialisation du mot de passe**")]
    [InlineData("le mot de passe de la lettre de l'école ne marche pas", "« Mot de passe perdu » ne peut pas vous en donner un autre")]
    [InlineData("quand je crée mon compte il refuse mon mot de passe", "**de 8 à 14 caractères**")]
    [InlineData("mon mdp est refusé à la dernière étape de l'inscription", "**au moins une lettre et au moins un chiffre**")]
    [InlineData("je connais mon mot de passe mais je veux en changer", "**Modifier mon mot de passe**")]
    [InlineData("comment je modifie mon mdp", "**Gérer mon compte**")]
    [InlineData("je voudrais changer mon adresse mail", "**Modifier mon adresse mail**")]
    [InlineData("je ne trouve pas le mail de validation", "**« Administrateur des services en ligne »**")]
    [InlineData("le mail pour valider mon adresse est pas arrivé, j'ai regardé partout", "**courriers indésirables (spam)**")]
    [InlineData("c'est quoi l'adresse pour créer le compte ?", "**https://educonnect.education.gouv.fr**")]
    [InlineData("sur quel site je vais pour m'inscrire ?", "**www.toutatice.fr**")]
    [InlineData("je veux créer mon compte mais on me dit qu'un compte existe déjà", "un compte EduConnect est déjà activé pour ces informations")]
    [InlineData("je m'inscris sur educonnect et le code sms n'arrive pas", "« Je n'ai pas reçu de code d'activation par SMS »")]
    [InlineData("bonjour je suis très énervée, ça fait 3 jours que j'essaie de créer mon compte et le code sms n'arrive jamais !!!", "valable **30 minutes**")]
    [InlineData("le code sms est incorrect", "cliquez sur « Réessayer » et saisissez-le de nouveau")]
    [InlineData("c'est la première fois que je passe par franceconnect, il me demande mon portable", "**celui que l'école a enregistré**")]
    [InlineData("j'ai reçu un deuxième courrier pour mon autre enfant, comment je mets tout sur le même compte ?", "**Ajouter des enfants depuis un autre compte**")]
    [InlineData("je ne suis pas le représentant légal de cet élève, ça veut dire quoi ?", "« Je ne suis pas le représentant légal de cet élève »")]
    [InlineData("on me propose un enfant qui n'est pas le mien", "adressez-vous au directeur ou à la directrice de l'école")]
    [InlineData("il me dit informations saisies non trouvées quand je crée mon compte", "« Informations saisies non trouvées »")]
    public async Task Web_FirstMessage_GetsTheAnswerToThatSituation(string message, string expected)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send(message).AssertReply(expected);
    }

    [Theory]
    [InlineData("jai recu un sms d'educonnect avec un lien c normal", "les SMS d'EduConnect ne contiennent JAMAIS de lien")]
    [InlineData("je n'ai qu'un telephone fixe", "c'est l'ecole qui vous remet votre compte")]
    [InlineData("jai perdu mon mdp provisoire", "re-notifier : un nouveau courrier avec un nouveau mot de passe provisoire")]
    [InlineData("il refuse mon mot de passe a la creation du compte", "8 a 14 caracteres : lettres sans accent et chiffres")]
    [InlineData("je veux changer mon mot de passe, je le connais", "Gerer mon compte (en haut a droite)")]
    [InlineData("changer mon adresse mail svp", "Modifier mon adresse mail")]
    [InlineData("je trouve pas le mail de validation", "'Administrateur des services en ligne'")]
    [InlineData("c koi l'adresse du site pour creer le compte", "https://educonnect.education.gouv.fr")]
    [InlineData("le code sms arrive pas", "Le code SMS est valable 30 minutes")]
    [InlineData("ca me dit un compte existe deja", "Un compte EduConnect est deja active pour ces informations")]
    [InlineData("je ne suis pas le representant legal de cet eleve", "voyez le directeur de l'ecole")]
    public async Task Sms_FirstMessage_GetsTheAnswerToThatSituation(string message, string expected)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation(Channels.Sms, "+33633333333", "+33633333333").Send(message).AssertReply(r =>
        {
            Assert.Contains(expected, r.Text);
            Assert.Equal("plain", r.TextFormat);
        });
    }

    [Fact]
    public async Task Fraud_WarnsThenOffersMore()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("j'ai reçu un sms educonnect avec un lien pour réactiver mon compte, c'est normal ?")
            .AssertReply(r =>
            {
                Assert.Contains("ne cliquez pas", r.Text);
                Assert.Contains("**https://educonnect.education.gouv.fr**", r.Text);
                Assert.DoesNotContain("trois façons", r.Text);
            })
            .AssertReply("Puis-je vous aider pour autre chose ?");
    }

    [Theory]
    [InlineData(Channels.Web)]
    [InlineData(Channels.Sms)]
    public async Task NoMobilePhone_AtTheFirstMessage_OpensTheCaseForTheSchool(string channel)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation(channel, "+33644444444", "+33644444444").Send("je n'ai pas de téléphone portable, seulement un fixe")
            .AssertReply("qui vous remet votre compte")
            .Send("oui").AssertReply("nom").Send("Guillaume Reabu").AssertReply("enfant").Send("Hugo Reabu").AssertReply("cole")
            .Send("0352207J").AssertReply("Il s'agit bien de")
            .Send("oui").AssertReply(r => Assert.Contains("remettra", r.Text));

        Assert.Equal(DirectorCaseKind.NoMobilePhone, (await SingleCaseAsync(bot)).Kind);
    }

    [Theory]
    [InlineData(Channels.Web, "j'ai perdu mon mot de passe provisoire")]
    [InlineData(Channels.Sms, "le mdp provisoire de l'ecole est refuse et jai jamais active mon compte")]
    public async Task LostTemporaryPassword_AtTheFirstMessage_AsksTheDirectorForAResetNotification(string channel, string message)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation(channel, "+33655555555", "+33655555555").Send(message)
            .AssertReply("re-notifier")
            .Send("oui").AssertReply("nom").Send("Guillaume Avlisad").AssertReply("enfant").Send("Inès Avlisad").AssertReply("cole")
            .Send("0352207J").AssertReply("Il s'agit bien de")
            .Send("oui").AssertReply("re-notifiera votre compte");

        Assert.Equal(DirectorCaseKind.LostTemporaryPassword, (await SingleCaseAsync(bot)).Kind);
    }

    [Fact]
    public async Task LostTemporaryPasswordDeclined_PointsToTheForgottenPasswordOfAnActivatedAccount()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("j'ai perdu mon mot de passe provisoire").AssertReply("re-notifier")
            .Send("non").AssertReply("**mot de passe oublié**").AssertReply("autre chose")
            .Send("mot de passe oublié").AssertReply("Connaissez-vous votre identifiant");
    }

    [Fact]
    public async Task ChangePassword_ForgottenAfterAll_LeadsToTheResetLink()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("je voudrais modifier mon mot de passe")
            .AssertReply(r =>
            {
                Assert.Contains("**Gérer mon compte**", r.Text);
                Assert.Contains("le mot de passe actuel, le nouveau et sa confirmation", r.Text);
                Assert.DoesNotContain("lien", r.Text);
            })
            .AssertReply("Avez-vous oublié votre mot de passe actuel ?")
            .Send("oui").AssertReply("Connaissez-vous votre identifiant");
    }

    [Fact]
    public async Task ChangeEmail_ValidationMailNotFound_GivesSenderSubjectAndFolders()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("je voudrais changer mon adresse mail")
            .AssertReply(r =>
            {
                Assert.Contains("l'un à l'**ancienne** adresse", r.Text);
                Assert.Contains("l'autre à la **nouvelle**, avec un **lien de validation**", r.Text);
                Assert.Contains("« Renvoyer un email de validation »", r.Text);
            })
            .AssertReply("Vous ne trouvez pas ce courriel de validation ?")
            .Send("oui").AssertReply(r =>
            {
                Assert.Contains("**« Services en ligne de l'éducation nationale – activation de votre compte »**", r.Text);
                Assert.Contains("**corbeille**", r.Text);
            })
            .AssertReply("autre chose");
    }

    [Fact]
    public async Task Activation_PasswordRefused_IsOneButtonAway()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("comment créer mon compte ?").AssertReply("trois façons").AssertReply("difficultés")
            .Send("Mot de passe refusé").AssertReply("**de 8 à 14 caractères**").AssertReply("autre chose");
    }

    [Fact]
    public async Task FranceConnect_NumberRefused_LeadsToThePhonePath()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation(Channels.Sms, "+33666666666", "+33666666666").Send("comment on se connecte avec france connect")
            .AssertReply("La 1re fois : portable donne a l'ecole")
            .AssertReply("1. Numero non reconnu")
            .Send("1").AssertReply("fiche de renseignements");
    }

    [Theory]
    [InlineData("6", "**Modifier mon mot de passe**")]
    [InlineData("7", "**« Administrateur des services en ligne »**")]
    [InlineData("8", "**www.toutatice.fr**")]
    [InlineData("9", "La case « Je ne suis pas le représentant légal de cet élève »")]
    public async Task OtherQuestions_NewSituations_EachAnswered(string choice, string expected)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);

        await bot.Conversation().Send("menu").AssertReply("Pour quelle difficulté")
            .Send("Autres questions").AssertReply("Quelle est votre question ?")
            .Send(choice).AssertReply(expected);
    }

    private static async Task<DirectorCase> SingleCaseAsync(BotTestHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().DirectorCases.SingleAsync(TestContext.Current.CancellationToken);
    }
}
