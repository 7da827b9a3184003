using SupportBot.Bot.Dialogs.Prompts;

namespace SupportBot.Bot.Tests.Dialogs.Prompts;

public sealed class IdentifierPromptTests
{
    [Theory]
    [InlineData("v.durant1", "v.durant1")]
    [InlineData("oui c'est V.Durant1", "v.durant1")]
    [InlineData("j'ai oublié mon mot de passe, mon identifiant c'est v.durant1", "v.durant1")]
    [InlineData("mon identifiant : annelegoff35", "annelegoff35")]
    [InlineData("login=jm.le-goff", "jm.le-goff")]
    [InlineData("mon id est durant_v", "durant_v")]
    [InlineData("annelegoff35", "annelegoff35")]
    [InlineData("« p.nom12 »", "p.nom12")]
    public void IdentifierInAMessage_IsHeard(string text, string identifier)
    {
        Assert.Equal(identifier, IdentifierPrompt.Find(text));
    }

    // Any word matches an answer's pattern; out of its question only an identifier's own shapes are taken.
    [Theory]
    [InlineData("bonjour")]
    [InlineData("oui")]
    [InlineData("mon identifiant est perdu")]
    [InlineData("valery.durant@example.fr")]
    [InlineData("je vais sur toutatice.fr puis sur educonnect.education.gouv.fr")]
    [InlineData("il est en cm2")]
    [InlineData("mon numéro 06.12.34.56.78")]
    [InlineData("ma demande SB-7KQ4M2")]
    [InlineData("l'école 0352207J")]
    [InlineData("edu.fr")]
    public void OrdinaryWords_AreNotAnIdentifier(string text)
    {
        Assert.Null(IdentifierPrompt.Find(text));
    }
}
