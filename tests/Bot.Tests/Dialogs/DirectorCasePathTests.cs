using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>
/// The paths that end with a case for a school's director (phone, birth date, no mobile, lost letters), on the
/// annuaire's 685 schools: the school found as parents name it, confirmed, chosen, narrowed by its commune, or left to
/// the académie; the parent told exactly where the request went, and asked how to hear back.
/// </summary>
public sealed class DirectorCasePathTests
{
    private const string JeanMoulin = "l'Ecole élémentaire publique Jean Moulin, à Rennes";

    [Fact]
    public async Task PhoneMismatch_ConfirmedSchool_TellsWhereItWentAndKeepsHowToTellTheParent()
    {
        await using var bot = await BotTestHost.StartAsync();
        var flow = bot.Conversation();

        await flow.Send("on me dit informations saisies non trouvées")
            .AssertReply("Informations saisies non trouvées")
            .AssertReply("je peux transmettre une demande")
            .Send("oui").AssertReply("votre prénom et votre nom")
            .Send("Valéry Durant").AssertReply("prénom et le nom de votre enfant")
            .Send("Alexis Durand").AssertReply("Dans quelle école")
            .Send("0352207j").AssertReply($"Il s'agit bien de {JeanMoulin} ?")
            .Send("oui").AssertReply("Quel numéro de téléphone portable")
            .Send("mon nouveau numéro").AssertReply("06 12 34 56 78")
            .Send("07 98 76 54 32")
            .AssertReply(r =>
            {
                Assert.Contains($"C'est transmis au directeur ou à la directrice de {JeanMoulin} : votre demande porte la référence **SB-", r.Text);
                Assert.Contains("après la synchronisation de la nuit", r.Text);
            })
            .AssertReply("Voulez-vous être prévenu(e) quand l'école aura traité votre demande ?")
            .Send("Oui, par courriel").AssertReply("À quelle adresse électronique")
            .Send("valery.durant@example.fr").AssertReply("C'est noté : vous serez prévenu(e)")
            .AssertReply("autre chose");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal(DirectorCaseKind.PhoneMismatch, directorCase.Kind);
        Assert.Equal(("+33798765432", "Alexis Durand", "webchat"), (directorCase.PhoneGiven, directorCase.PupilGiven, directorCase.Channel));
        Assert.Equal("valery.durant@example.fr", directorCase.ContactEmail);
        var mail = Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot));
        Assert.Equal("ecole.0352207j@ac-rennes.fr", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith($"Demande {directorCase.Reference} : numéro de portable différent", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("+33798765432", mail.TextBody);
        Assert.NotNull(directorCase.DestinationMailedAt);
    }

    [Fact]
    public async Task SchoolNamedAsParentsSayIt_IsOfferedWithItsNamesake()
    {
        await using var bot = await BotTestHost.StartAsync();

        await StartBirthDateCaseAsync(bot.Conversation())
            .Send("ecole jean moulin a rennes").AssertReply(r =>
            {
                Assert.Contains("Plusieurs écoles correspondent", r.Text);
                var offered = r.SuggestedActions!.Actions.Select(a => a.Title).ToList();
                Assert.Equal(3, offered.Count);
                Assert.Contains("Ecole maternelle publique Jean Moulin (Rennes)", offered);
                Assert.Contains("Ecole élémentaire publique Jean Moulin (Rennes)", offered);
                Assert.Equal("Aucune de ces écoles", offered[^1]);
            })
            .Send("Ecole élémentaire publique Jean Moulin (Rennes)")
            .AssertReply($"C'est transmis au directeur ou à la directrice de {JeanMoulin}")
            .AssertReply("prévenu");

        Assert.Equal("0352207J", (await SingleCaseAsync(bot)).School!.Uai);
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
            .Send("Ecole élémentaire publique Jean Moulin").AssertReply("Il s'agit bien de")
            .Send("oui").AssertReply("référence").AssertReply("prévenu");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal(DirectorCaseKind.BirthDateMismatch, directorCase.Kind);
        Assert.Equal(DateOnly.Parse(expected), directorCase.PupilBirthDateGiven);
        Assert.Equal("0352207J", directorCase.School!.Uai);
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
    public async Task BirthDateNeverReadable_OffersTheMenuAndAPersonAtTheSecondMiss()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("date de naissance refusée").AssertReply("ONDE").AssertReply("demande")
            .Send("oui").AssertReply("nom").Send("X").AssertReply("prénom").Send("Y").AssertReply("date de naissance")
            .Send("hier").AssertReply("Je ne reconnais pas de date")
            .Send("je ne sais pas").AssertReply("je ne vous comprends pas").AssertNoReply();

        Assert.Equal(0, await CaseCountAsync(bot));
    }

    [Fact]
    public async Task BirthDateImpossibleThreeTimes_StopsAfterThreeAttempts()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("date de naissance refusée").AssertReply("ONDE").AssertReply("demande")
            .Send("oui").AssertReply("nom").Send("X").AssertReply("prénom").Send("Y").AssertReply("date de naissance")
            .Send("31/02/2018").AssertReply("Cette date n'existe pas")
            .Send("30/02/2018").AssertReply("Cette date n'existe pas")
            .Send("32/01/2018").AssertReply(r => Assert.Equal(["Voir le menu", "Parler à une personne"], r.SuggestedActions!.Actions.Select(a => a.Title)));

        Assert.Equal(0, await CaseCountAsync(bot));
    }

    [Fact]
    public async Task NoMobilePhone_TheMaternelleOfACommune()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("comment activer mon compte ?")
            .AssertReply("trois façons").AssertReply("Rencontrez-vous l'une de ces difficultés ?")
            .Send("Pas de téléphone portable").AssertReply("c'est l'école qui vous remet votre compte")
            .Send("oui").AssertReply("nom").Send("Guillaume Reabu").AssertReply("enfant").Send("Hugo Reabu").AssertReply("école")
            .Send("la maternelle de Melesse").AssertReply("Il s'agit bien de l'Ecole maternelle publique de Melesse, à Melesse ?")
            .Send("oui").AssertReply("L'école vous remettra votre identifiant").AssertReply("prévenu");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal((DirectorCaseKind.NoMobilePhone, "0351755T"), (directorCase.Kind, directorCase.School!.Uai));
    }

    [Fact]
    public async Task NamesAndSchoolInTheFirstMessage_AreNotAskedAgain()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation()
            .Send("Bonjour, je m'appelle Guillaume Reabu, je n'ai pas de portable. Mon fils Hugo Reabu est à la maternelle de Melesse. Il me faudrait un compte EduConnect.")
            .AssertReply("c'est l'école qui vous remet votre compte")
            .Send("oui").AssertReply("Il s'agit bien de l'Ecole maternelle publique de Melesse, à Melesse ?")
            .Send("oui").AssertReply("L'école vous remettra votre identifiant").AssertReply("prévenu");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal((DirectorCaseKind.NoMobilePhone, "0351755T", "Guillaume Reabu", "Hugo Reabu"),
            (directorCase.Kind, directorCase.School!.Uai, directorCase.ResponsableGiven, directorCase.PupilGiven));
    }

    [Fact]
    public async Task ASchoolNamedEarlyAndNotFound_IsAskedWithoutCountingAMiss()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation(Channels.Sms, "+33612345678", "+33612345678")
            .Send("je n'ai pas de portable, ma fille Léa Zoumn est à l'école Zzyzx de Nulle-Part")
            .AssertReply("c'est l'ecole qui vous remet votre compte")
            .Send("oui").AssertReply("Quels sont votre prénom et votre nom ?")
            .Send("Guillaume Zoumn").AssertReply("Dans quelle ecole est-il inscrit ?")
            .Send("la maternelle de Melesse").AssertReply("Melesse");
    }

    [Fact]
    public async Task TheSchoolGivenWithAThanks_IsTheAnswerNotAGoodbye()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("je n'ai pas de portable").AssertReply("c'est l'école qui vous remet votre compte")
            .Send("oui").AssertReply("nom").Send("Guillaume Reabu").AssertReply("enfant").Send("Hugo Reabu").AssertReply("école")
            .Send("c'est la maternelle de Melesse, merci beaucoup").AssertReply("Il s'agit bien de l'Ecole maternelle publique de Melesse, à Melesse ?");
    }

    [Theory]
    [InlineData("j'ai perdu le courrier de l'école", DirectorCaseKind.LostNotification)]
    [InlineData("j'ai perdu le mot de passe provisoire, je ne me suis jamais connecté", DirectorCaseKind.LostTemporaryPassword)]
    public async Task LostLetterOrTemporaryPassword_ANameManySchoolsShareIsNarrowedByItsCommune(string lost, DirectorCaseKind expected)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send(lost).AssertReply("re-notifier")
            .Send("oui").AssertReply("nom").Send("Guillaume Avlisad").AssertReply("enfant").Send("Inès Avlisad").AssertReply("école")
            .Send("st joseph").AssertReply("Plusieurs écoles portent ce nom. Dans quelle commune")
            .Send("corps nuds").AssertReply("Il s'agit bien de l'Ecole primaire privée St Joseph, à Corps-Nuds ?")
            .Send("oui").AssertReply("re-notifiera votre compte").AssertReply("prévenu");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal((expected, "0351267M", "st joseph / corps nuds"), (directorCase.Kind, directorCase.School!.Uai, directorCase.SchoolGiven));
    }

    [Fact]
    public async Task NoSchoolAfterTwoTries_GoesToTheAcademieWithTheParentsWordsAndSaysSo()
    {
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Cases:AcademieEmail"] = "assistance@ac-rennes.example" });

        await StartBirthDateCaseAsync(bot.Conversation())
            .Send("jean moulin rennes").AssertReply("Plusieurs écoles correspondent")
            .Send("Aucune de ces écoles").AssertReply("Pouvez-vous me redonner le nom de l'école")
            .Send("0352207J").AssertReply("Il s'agit bien de")
            .Send("non").AssertReply("Je n'arrive pas à identifier l'école")
            .AssertReply("C'est transmis à l'assistance de l'académie, qui la transmettra à l'école : votre demande porte la référence")
            .AssertReply("prévenu");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Null(directorCase.SchoolId);
        Assert.Equal("jean moulin rennes / 0352207J", directorCase.SchoolGiven);
        var mail = Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot));
        Assert.Equal("assistance@ac-rennes.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains("jean moulin rennes / 0352207J", mail.TextBody);
    }

    [Fact]
    public async Task BySms_ASchoolThatDoesNotExist_IsNeverCalledTransmittedToASchool()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation(Channels.Sms, "+33611111111", "+33611111111").Send("numéro pas reconnu")
            .AssertReply("fiche de renseignements").AssertReply("Repondez 1 ou 2.")
            .Send("1").AssertReply("nom")
            .Send("Anne Le Goff").AssertReply("enfant")
            .Send("Maëlle Le Goff").AssertReply("ecole")
            .Send("l'ecole imaginaire de Trifouilly-les-Oies").AssertReply("Je ne trouve pas cette école")
            .Send("Trifouilly").AssertReply("Je n'arrive pas à identifier l'école")
            .AssertReply("portable")
            .Send("06 11 11 11 11")
            .AssertReply(r =>
            {
                Assert.Contains("C'est transmis à l'assistance de l'académie", r.Text);
                Assert.DoesNotContain("directeur", r.Text);
                Assert.Contains("Vous serez prévenu par SMS", r.Text);
            })
            .AssertReply("autre chose");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Equal(("+33611111111", (int?)null), (directorCase.ChannelAddress, directorCase.SchoolId));
        Assert.Equal("l'ecole imaginaire de Trifouilly-les-Oies / Trifouilly", directorCase.SchoolGiven);
        Assert.Empty(await LostIdentifierDialogTests.OutboxAsync(bot));
    }

    [Fact]
    public async Task PhoneMismatchDeclined_OpensNothing()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("mon numéro n'est pas reconnu").AssertReply("fiche").AssertReply("Le voulez-vous ?")
            .Send("non").AssertReply("Puis-je vous aider pour autre chose ?")
            .Send("non").AssertReply("bonne journée");

        Assert.Equal(0, await CaseCountAsync(bot));
    }

    [Fact]
    public async Task SameRequestTwice_GetsTheFirstReferenceAndTheSchoolOneMail()
    {
        await using var bot = await BotTestHost.StartAsync();
        var first = bot.Conversation();
        var second = bot.Conversation();

        await StartBirthDateCaseAsync(first).Send("0352207J").AssertReply("Il s'agit bien de").Send("oui").AssertReply("référence").AssertReply("prévenu");
        await StartBirthDateCaseAsync(second).Send("0352207J").AssertReply("Il s'agit bien de").Send("oui").AssertReply("référence").AssertReply("prévenu");

        var directorCase = await SingleCaseAsync(bot);
        Assert.Contains(directorCase.Reference, first.Transcript[^2].Text);
        Assert.Contains(directorCase.Reference, second.Transcript[^2].Text);
        Assert.Contains($"C'est transmis au directeur ou à la directrice de {JeanMoulin}", second.Transcript[^2].Text);
        Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot));
    }

    [Fact]
    public async Task ThirdCaseOfAConversation_IsTheLastOneToday()
    {
        await using var bot = await BotTestHost.StartAsync();
        var flow = bot.Conversation();

        foreach (var child in new[] { "Léa Zoumn", "Noé Zoumn", "Hugo Zoumn" })
        {
            await StartBirthDateCaseAsync(flow, child).Send("0352207J").AssertReply("Il s'agit bien de").Send("oui")
                .AssertReply("C'est transmis").AssertReply("prévenu").Send("non merci").AssertReply("autre chose");
        }

        await StartBirthDateCaseAsync(flow, "Chloé Zoumn").Send("0352207J").AssertReply("Il s'agit bien de").Send("oui")
            .AssertReply("le nombre de demandes que je peux transmettre aux écoles est limité");

        Assert.Equal(3, await CaseCountAsync(bot));
        Assert.DoesNotContain(flow.Transcript[^1].Text!, "C'est transmis", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParentComingBack_IsToldWhereTheirCaseStands()
    {
        await using var bot = await BotTestHost.StartAsync();
        var flow = bot.Conversation();
        await StartBirthDateCaseAsync(flow).Send("0352207J").AssertReply("Il s'agit bien de").Send("oui").AssertReply("référence").AssertReply("prévenu")
            .Send("non merci").AssertReply("autre chose").Send("non").AssertReply("bonne journée");
        var reference = (await SingleCaseAsync(bot)).Reference;

        await flow.Join().AssertReply($"Votre demande **{reference}**, transmise le 23/11/2026, est en cours de traitement par l'école.")
            .AssertReply("Pour quelle difficulté");
        bot.Time.Advance(TimeSpan.FromDays(1));
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DirectorCaseService>().ResolveAsync(reference, TestContext.Current.CancellationToken);
        }

        await flow.Join().AssertReply($"Votre demande **{reference}** a été traitée par l'école le 24/11/2026.").AssertNoReply();
    }

    [Theory]
    [InlineData("où en est ma demande {0} ?")]
    [InlineData("{0}")]
    [InlineData("bonjour, ma demande {1} a été traitée ?")]
    public async Task StatusQuestion_GivesTheStateAndDateOnly(string question)
    {
        await using var bot = await BotTestHost.StartAsync();
        await StartBirthDateCaseAsync(bot.Conversation()).Send("0352207J").AssertReply("Il s'agit bien de").Send("oui").AssertReply("référence").AssertReply("prévenu");
        var reference = (await SingleCaseAsync(bot)).Reference;
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, question, reference, "sb " + reference[3..].ToLowerInvariant());

        await bot.Conversation().Send(text)
            .AssertReply(r =>
            {
                Assert.Equal($"Votre demande **{reference}**, transmise le 23/11/2026, est en cours de traitement par l'école.", r.Text);
                Assert.DoesNotContain("Zoumn", r.Text);
            })
            .AssertReply("autre chose");
    }

    [Fact]
    public async Task StatusQuestionWithoutAReference_AsksForIt_AndGuessesAreLimited()
    {
        await using var bot = await BotTestHost.StartAsync();
        var flow = bot.Conversation();

        await flow.Send("où en est ma demande ?").AssertReply("Quelle est la référence de votre demande ?")
            .Send("SB-ZZZZZZ").AssertReply("Je ne trouve aucune demande **SB-ZZZZZZ**").AssertReply("autre chose");
        for (var i = 2; i <= 10; i++)
        {
            await flow.Send($"SB-ZZZZ{i:00}").AssertReply("Je ne trouve aucune demande").AssertReply("autre chose");
        }

        await flow.Send("SB-ZZZZ11").AssertReply("le nombre de recherches est limité");
        await bot.Conversation(userId: "autre-parent").Send("SB-ZZZZ12").AssertReply("Je ne trouve aucune demande");
    }

    private static TestFlow StartBirthDateCaseAsync(TestFlow flow, string child = "Léa Zoumn") =>
        flow.Send("la date de naissance saisie est incorrecte").AssertReply("ONDE").AssertReply("transmette une demande")
            .Send("oui").AssertReply("nom").Send("Guillaume Zoumn").AssertReply("prénom de votre enfant")
            .Send(child).AssertReply("date de naissance").Send("04/05/2015").AssertReply("Dans quelle école");

    private static async Task<DirectorCase> SingleCaseAsync(BotTestHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return await db.DirectorCases.Include(c => c.School).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> CaseCountAsync(BotTestHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().DirectorCases.CountAsync(TestContext.Current.CancellationToken);
    }
}
