using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>Values (identifier, e-mail, phone, date) given before they are asked: in the first message, or at another question.</summary>
public sealed class ValuesHeardTests
{
    private const string ResetSent = "Si cet identifiant correspond";
    private const string IdentifierSent = "Si un compte est rattach";

    public static TheoryData<string> BothChannels => [Channels.Web, Channels.Sms];

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task IdentifierInsteadOfYes_IsKeptAndTheLinkSent(string channel)
    {
        await using var bot = await BotTestHost.StartAsync();

        await Flow(bot, channel).Send("mot de passe oublié").AssertReply("Connaissez-vous votre identifiant")
            .Send("v.durant1").AssertReply("J'ai noté l'identifiant v.durant1.")
            .AssertReply(ResetSent).AssertReply("demande");

        var mail = Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot));
        Assert.Equal("valery.durant@example.fr", mail.To.Mailboxes.Single().Address);
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task AddressInsteadOfYesOrNo_GoesToTheLostIdentifierPathWithIt(string channel)
    {
        await using var bot = await BotTestHost.StartAsync();

        await Flow(bot, channel).Send("mot de passe oublié").AssertReply("Connaissez-vous votre identifiant")
            .Send("valery.durant@example.fr").AssertReply("J'ai noté l'adresse valery.durant@example.fr.")
            .AssertReply(IdentifierSent).AssertReply("autre chose");

        Assert.Contains("v.durant1", Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot)).TextBody);
    }

    [Theory]
    [InlineData("oui c'est v.durant1")]
    [InlineData("Oui, mon identifiant : V.Durant1")]
    [InlineData("ok v.durant1")]
    public async Task YesWithTheIdentifier_IsAYesAndTheIdentifier(string answer)
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send(answer).AssertReply("J'ai noté l'identifiant v.durant1.").AssertReply(ResetSent);
    }

    [Fact]
    public async Task NoWithTheAddress_IsANoAndTheAddress()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation(Channels.Sms, "+33612345678", "+33612345678").Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("non mais mon mail c'est valery.durant@example.fr").AssertReply("J'ai noté l'adresse valery.durant@example.fr.")
            .AssertReply(IdentifierSent);
    }

    [Fact]
    public async Task IdentifierAskedAndGivenInASentence_IsRead()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("oui").AssertReply("Quel est votre identifiant")
            .Send("c'est v.durant1 je crois").AssertReply(ResetSent);
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task FirstMessageWithTheIdentifier_SkipsBothQuestions(string channel)
    {
        await using var bot = await BotTestHost.StartAsync();

        await Flow(bot, channel).Send("j'ai oublié mon mot de passe, mon identifiant c'est v.durant1")
            .AssertReply("J'ai noté l'identifiant v.durant1.").AssertReply(ResetSent).AssertReply("demande");

        Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot));
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task FirstMessageWithTheAddress_SendsTheIdentifierWithoutAsking(string channel)
    {
        await using var bot = await BotTestHost.StartAsync();

        await Flow(bot, channel).Send("j'ai oublié mon identifiant, mon adresse est valery.durant@example.fr")
            .AssertReply("J'ai noté l'adresse valery.durant@example.fr.").AssertReply(IdentifierSent).AssertReply("autre chose");
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task FirstMessageWithThePhone_IsNotAskedForItAgain(string channel)
    {
        await using var bot = await BotTestHost.StartAsync();

        await Flow(bot, channel).Send("mon numéro 06 12 34 56 78 n'est pas reconnu").AssertReply("fiche de renseignements").AssertReply("Le voulez-vous ?")
            .Send("oui").AssertReply("nom")
            .Send("Valery Durant").AssertReply("enfant")
            .Send("Inès Durant").AssertReply("inscrit")
            .Send("0352207J").AssertReply("Jean Moulin")
            .Send("oui").AssertReply("C'est transmis");

        await using var scope = bot.Services.CreateAsyncScope();
        var directorCase = await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().DirectorCases.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("+33612345678", directorCase.PhoneGiven);
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task IdentifierWhereTheAddressIsAsked_NoStepTakesIt_NormalRetry(string channel)
    {
        await using var bot = await BotTestHost.StartAsync();

        await Flow(bot, channel).Send("identifiant oublié").AssertReply("adresse")
            .Send("v.durant1").AssertReply("prenom.nom@exemple.fr")
            .Send("valery.durant@example.fr").AssertReply(IdentifierSent);
    }

    [Fact]
    public async Task PhoneAtAYesNoQuestionThatTakesNone_NormalRetry()
    {
        await using var bot = await BotTestHost.StartAsync();

        await bot.Conversation().Send("mot de passe oublié").AssertReply("Connaissez-vous")
            .Send("06 12 34 56 78").AssertReply("Connaissez-vous")
            .Send("oui").AssertReply("Quel est votre identifiant");
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task ValueForALaterQuestion_IsKeptAndTheQuestionAskedAgain(string channel)
    {
        var (bot, folder) = await StartWithTestDialogsAsync();
        try
        {
            await Flow(bot, channel).Send("essai").AssertReply("Quelle est sa date de naissance ?")
                .Send("mon portable : 06 12 34 56 78").AssertReply(r => Assert.Equal("Quelle est sa date de naissance ?", r.Text))
                .Send("16/06/2013").AssertReply("Numéro noté : +33612345678.").AssertReply("Comment vous prévenir ?")
                .Send("valery.durant@example.fr").AssertReply("Adresse notée : valery.durant@example.fr.")
                .AssertReply("Fini : 2013-06-16 +33612345678 valery.durant@example.fr").AssertNoReply();
        }
        finally
        {
            await DisposeAsync(bot, folder);
        }
    }

    [Fact]
    public async Task ValueWithTheAnswer_IsKeptForItsQuestion()
    {
        var (bot, folder) = await StartWithTestDialogsAsync();
        try
        {
            await bot.Conversation().Send("essai").AssertReply("date de naissance")
                .Send("16/06/2013, et mon portable 06 12 34 56 78").AssertReply("Numéro noté : +33612345678.").AssertReply("Comment vous prévenir ?")
                .Send("Par courriel : valery.durant@example.fr").AssertReply("Adresse notée").AssertReply("Fini");
        }
        finally
        {
            await DisposeAsync(bot, folder);
        }
    }

    [Theory]
    [MemberData(nameof(BothChannels))]
    public async Task AddressWhereAnIdentifierIsAsked_WhenGivenStartsAnotherDialogWithIt(string channel)
    {
        var (bot, folder) = await StartWithTestDialogsAsync();
        try
        {
            await Flow(bot, channel).Send("essai identifiant").AssertReply("Votre identifiant ?")
                .Send("valery.durant@example.fr").AssertReply("J'ai noté l'adresse valery.durant@example.fr.").AssertReply(IdentifierSent);
        }
        finally
        {
            await DisposeAsync(bot, folder);
        }
    }

    internal static TestFlow Flow(BotTestHost bot, string channel) =>
        channel == Channels.Sms ? bot.Conversation(Channels.Sms, "+33612345678", "+33612345678") : bot.Conversation();

    /// <summary>The repository's dialogs and two test dialogs started by commands: three questions in a row and a choice, and an identifier question.</summary>
    private static async Task<(BotTestHost Bot, string Folder)> StartWithTestDialogsAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-heard-" + Guid.NewGuid().ToString("N"));
        var dialogs = BotTestHost.CopyDialogs(folder);
        await File.WriteAllTextAsync(Path.Combine(dialogs, "essai.yaml"), """
            schema: supportbot/dialogue/1
            id: essai
            title: Essai
            commands: [essai]
            steps:
              - id: date
                kind: ask
                prompt: date
                into: date-naissance
                text: "Quelle est sa date de naissance ?"
                retry: "Je ne reconnais pas de date."
              - id: portable
                kind: ask
                prompt: phone
                into: telephone
                noted: "Numéro noté : {telephone}."
                text: "Quel est votre portable ?"
              - id: moyen
                kind: choice
                text: "Comment vous prévenir ?"
                when-given:
                  email: courriel
                choices:
                  - label: "Par courriel"
                    synonyms: [courriel]
                    next: courriel
                  - label: "Par SMS"
                    synonyms: [sms]
                    next: fini
              - id: courriel
                kind: ask
                prompt: email
                into: adresse
                noted: "Adresse notée : {adresse}."
                text: "Quelle adresse ?"
              - id: fini
                kind: message
                text: "Fini : {date-naissance} {telephone} {adresse}"
                next: fin
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dialogs, "essai-identifiant.yaml"), """
            schema: supportbot/dialogue/1
            id: essai-identifiant
            title: Essai
            commands: [essai identifiant]
            steps:
              - id: identifiant
                kind: ask
                prompt: identifier
                into: identifiant
                text: "Votre identifiant ?"
                when-given:
                  email: "dialogue:identifiant-oublie"
              - id: merci
                kind: message
                text: "Merci {identifiant}"
                next: fin
            """, TestContext.Current.CancellationToken);
        return (await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Dialogs:Folder"] = dialogs }, folder), folder);
    }

    private static async Task DisposeAsync(BotTestHost bot, string folder)
    {
        await bot.DisposeAsync();
        try
        {
            Directory.Delete(folder, true);
        }
        catch (IOException)
        {
        }
    }
}
