using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;

namespace SupportBot.Bot.Tests.Dialogs;

public sealed class PasswordResetDialogTests
{
    private const string Neutral = "Si cet identifiant correspond à un compte activé dont l'adresse électronique est confirmée, un courriel contenant un lien";

    [Fact]
    public async Task ActiveAccount_MailsALinkToTheResetPage()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("j'ai oublié mon mot de passe")
            .AssertReply("Connaissez-vous votre identifiant EduConnect")
            .Send("oui")
            .AssertReply("Quel est votre identifiant EduConnect ?")
            .Send("V.Durant1")
            .AssertReply(r =>
            {
                Assert.Contains(Neutral, r.Text);
                Assert.Contains("FranceConnect", r.Text);
            })
            .AssertReply("Si rien n'arrive");

        var mail = Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot));
        Assert.Equal("valery.durant@example.fr", mail.To.Mailboxes.Single().Address);
        Assert.Matches(@"http://bot\.test/motdepasse/reinitialiser\?jeton=[A-Za-z0-9_-]{40,}", mail.TextBody);
    }

    [Theory]
    [InlineData("x.inconnu")]
    [InlineData("g.avlisad6")]
    [InlineData("g.ehcama")]
    public async Task UnknownOrNotActivatedAccount_SameWordsAndNoMail(string identifier)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("mot de passe perdu").AssertReply("Connaissez-vous")
            .Send("oui").AssertReply("Quel est votre identifiant")
            .Send(identifier)
            .AssertReply(Neutral)
            .AssertReply("Si rien n'arrive");

        Assert.Empty(await LostIdentifierDialogTests.OutboxAsync(bot));
    }

    [Fact]
    public async Task AnEmailInsteadOfTheIdentifier_GetsItsOwnRetry()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("ok").AssertReply("Quel est votre identifiant")
            .Send("valery.durant@example.fr")
            .AssertReply("Ceci ressemble à une adresse électronique")
            .Send("euh, attendez")
            .AssertReply("Je ne reconnais pas d'identifiant")
            .Send("v.durant1")
            .AssertReply(Neutral);
    }

    [Fact]
    public async Task IdentifierUnknownToTheParent_LeadsToTheLostIdentifierPath()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("non")
            .AssertReply("Je peux vous le renvoyer par courriel");
    }

    [Fact]
    public async Task NothingArrives_OpensADirectorCaseForReNotificationWithReset()
    {
        await using var bot = await BotTestHost.StartAsync();
        var flow = bot.Conversation();

        await flow.Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("oui").AssertReply("identifiant")
            .Send("g.avlisad6").AssertReply(Neutral)
            .AssertReply("Voulez-vous que je lui transmette une demande ?")
            .Send("oui").AssertReply("votre prénom et votre nom")
            .Send("Guillaume Avlisad").AssertReply("prénom et le nom de votre enfant")
            .Send("Inès Avlisad").AssertReply("Dans quelle école")
            .Send("0352207J").AssertReply("Il s'agit bien de l'Ecole élémentaire publique Jean Moulin, à Rennes ?")
            .Send("oui")
            .AssertReply("C'est transmis au directeur ou à la directrice de l'Ecole élémentaire publique Jean Moulin, à Rennes : votre demande porte la référence **SB-")
            .AssertReply("Voulez-vous être prévenu(e)")
            .Send("Non, merci").AssertReply("autre chose");

        await using var scope = bot.Services.CreateAsyncScope();
        var directorCase = await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().DirectorCases.Include(c => c.School).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DirectorCaseKind.LostTemporaryPassword, directorCase.Kind);
        Assert.Equal(("Guillaume Avlisad", "g.avlisad6"), (directorCase.ResponsableGiven, directorCase.IdentifierGiven));
        Assert.Equal("0352207J", directorCase.School!.Uai);
        Assert.Contains(directorCase.Reference, flow.Transcript[^3].Text);
        var mail = Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot));
        Assert.Equal("ecole.0352207j@ac-rennes.fr", mail.To.Mailboxes.Single().Address);
        Assert.Contains(directorCase.Reference, mail.Subject);
    }
}
