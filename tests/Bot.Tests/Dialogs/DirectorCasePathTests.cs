using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>The paths that end with a case for the school's director: phone, birth date, no mobile, lost letters.</summary>
public sealed class DirectorCasePathTests
{
    [Fact]
    public async Task PhoneMismatch_CollectsWhatTheDirectorNeedsAndGivesTheReference()
    {
        await using var bot = await BotTestHost.StartAsync();
        var flow = bot.Conversation();

        await flow.Send("on me dit informations saisies non trouvées")
            .AssertReply("Informations saisies non trouvées")
            .AssertReply("je peux transmettre une demande")
            .Send("oui").AssertReply("votre prénom et votre nom")
            .Send("Valéry Durant").AssertReply("prénom et le nom de votre enfant")
            .Send("Alexis Durand").AssertReply("Dans quelle école")
            .Send("0352207j").AssertReply("Quel numéro de téléphone portable")
            .Send("mon nouveau numéro").AssertReply("06 12 34 56 78")
            .Send("07 98 76 54 32")
            .AssertReply(r =>
            {
                Assert.Contains("votre demande porte la référence **SB-", r.Text);
                Assert.Contains("après la synchronisation de la nuit", r.Text);
            })
            .AssertReply("autre chose");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal(DirectorCaseKind.PhoneMismatch, directorCase.Kind);
        Assert.Equal("+33798765432", directorCase.PhoneGiven);
        Assert.Equal("Alexis Durand", directorCase.PupilGiven);
        Assert.Equal("webchat", directorCase.Channel);
        var mail = Assert.Single(LostIdentifierDialogTests.Outbox(bot));
        // The school's official mailbox from the annuaire: the demo school has no override.
        Assert.Equal("ecole.0352207j@ac-rennes.fr", mail.To.Mailboxes.Single().Address);
        Assert.Contains("+33798765432", mail.TextBody);
        Assert.Contains(directorCase.Reference, flow.Transcript[^2].Text);
    }

    [Fact]
    public async Task PhoneMismatchBySms_KeepsTheSenderNumberAndAnUnknownSchoolAsText()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation(Channels.Sms, "+33611111111", "+33611111111").Send("numéro pas reconnu")
            .AssertReply("fiche de renseignements").AssertReply("Repondez 1 ou 2.")
            .Send("1").AssertReply("nom")
            .Send("Anne Le Goff").AssertReply("enfant")
            .Send("Maëlle Le Goff").AssertReply("ecole")
            .Send("École des Lilas, Vitré").AssertReply("portable")
            .Send("06 11 11 11 11").AssertReply("reference SB-").AssertReply("autre chose");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal("+33611111111", directorCase.ChannelAddress);
        Assert.Null(directorCase.SchoolId);
        Assert.Equal("École des Lilas, Vitré", directorCase.SchoolGiven);
        Assert.Empty(LostIdentifierDialogTests.Outbox(bot));
    }

    [Fact]
    public async Task PhoneMismatchDeclined_OpensNothing()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("mon numéro n'est pas reconnu").AssertReply("fiche").AssertReply("Le voulez-vous ?")
            .Send("non").AssertReply("Puis-je vous aider pour autre chose ?")
            .Send("non").AssertReply("bonne journée");

        await using var scope = bot.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().DirectorCases.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("16/06/2013", "2013-06-16")]
    [InlineData("il est né le 16 juin 2013", "2013-06-16")]
    [InlineData("le 1er mars 2015", "2015-03-01")]
    public async Task BirthDateMismatch_ReadsTheDateFromFrenchText(string answer, string expected)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("la date de naissance saisie est incorrecte")
            .AssertReply("ne correspond pas à celle que l'école a enregistrée dans ONDE")
            .AssertReply("transmette une demande de correction")
            .Send("oui").AssertReply("nom").Send("Guillaume Zoumn").AssertReply("prénom de votre enfant")
            .Send("Léa").AssertReply("date de naissance")
            .Send(answer).AssertReply("Dans quelle école")
            .Send("Ecole élémentaire publique Jean Moulin").AssertReply("référence").AssertReply("autre chose");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal(DirectorCaseKind.BirthDateMismatch, directorCase.Kind);
        Assert.Equal(DateOnly.Parse(expected), directorCase.PupilBirthDateGiven);
        Assert.Equal(DemoSchool, directorCase.School!.Uai);
    }

    [Fact]
    public async Task BirthDateMismatch_RefusesImpossibleAndFutureDatesWithAClearRetry()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("date de naissance refusée").AssertReply("ONDE").AssertReply("demande")
            .Send("oui").AssertReply("nom").Send("Guillaume Zoumn").AssertReply("prénom de votre enfant").Send("Noé")
            .AssertReply("date de naissance")
            .Send("31/02/2018").AssertReply("Cette date n'existe pas dans le calendrier")
            .Send("21/09/2031").AssertReply("Cette date est dans le futur")
            .Send("21/09/2018").AssertReply("Dans quelle école");
    }

    [Fact]
    public async Task BirthDateNeverReadable_StopsAfterThreeAttempts()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("date de naissance refusée").AssertReply("ONDE").AssertReply("demande")
            .Send("oui").AssertReply("nom").Send("X").AssertReply("prénom").Send("Y").AssertReply("date de naissance")
            .Send("hier").AssertReply("Je ne reconnais pas de date")
            .Send("avant-hier").AssertReply("Je ne reconnais pas de date")
            .Send("je ne sais pas").AssertReply("Je n'arrive pas à lire votre réponse").AssertReply("Pour quelle difficulté");

        await using var scope = bot.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().DirectorCases.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task NoMobilePhone_OpensACaseForTheSchoolsLetter()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("comment activer mon compte ?")
            .AssertReply("trois façons").AssertReply("Rencontrez-vous l'une de ces difficultés ?")
            .Send("Pas de téléphone portable").AssertReply("c'est l'école qui vous remet votre compte")
            .Send("oui").AssertReply("nom").Send("Guillaume Reabu").AssertReply("enfant").Send("Hugo Reabu").AssertReply("école")
            .Send("0352207J").AssertReply("L'école vous remettra votre identifiant").AssertReply("autre chose");

        Assert.Equal(DirectorCaseKind.NoMobilePhone, (await SingleCaseAsync(bot)).Kind);
    }

    [Theory]
    [InlineData("Le courrier ou les codes d'activation", DirectorCaseKind.LostNotification)]
    [InlineData("2", DirectorCaseKind.LostTemporaryPassword)]
    public async Task LostLetterOrTemporaryPassword_OpensTheMatchingReNotification(string choice, DirectorCaseKind expected)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("j'ai perdu le courrier de l'école").AssertReply("Qu'avez-vous perdu ?")
            .Send(choice).AssertReply("re-notifier")
            .Send("oui").AssertReply("nom").Send("Guillaume Avlisad").AssertReply("enfant").Send("Inès Avlisad").AssertReply("école")
            .Send("0352207J").AssertReply("re-notifiera votre compte").AssertReply("autre chose");

        Assert.Equal(expected, (await SingleCaseAsync(bot)).Kind);
    }

    private const string DemoSchool = "0352207J";

    private static async Task<DirectorCase> SingleCaseAsync(BotTestHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return await db.DirectorCases.Include(c => c.School).SingleAsync(TestContext.Current.CancellationToken);
    }
}
