using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

public sealed class FrenchClausesTests
{
    [Theory]
    [InlineData("pas reçu le code sms et personne ne répond à l'école, je peux appeler qui ?",
        "pas reçu le code sms|personne ne répond à l'école|je peux appeler qui")]
    [InlineData("j'ai oublié mon identifiant et mon mot de passe", "j'ai oublié mon identifiant|j'ai oublié mon mot de passe")]
    [InlineData("je voudrais changer mon mail et aussi mon mot de passe", "je voudrais changer mon mail|je voudrais changer mon mot de passe")]
    [InlineData("mon identifiant c'est v.durant1 et mon mail le voici", "mon identifiant c'est v.durant1|mon mail le voici")]
    [InlineData("Mon identifiant c'est v.durant1. Mais le mot de passe ne marche pas", "Mon identifiant c'est v.durant1|le mot de passe ne marche pas")]
    [InlineData("mon numéro 06.12.34.56.78 n'est pas reconnu", "mon numéro 06.12.34.56.78 n'est pas reconnu")]
    [InlineData("valery.durant@example.fr", "valery.durant@example.fr")]
    [InlineData("bonjour !", "bonjour")]
    [InlineData("ok, merci", "ok|merci")]
    public void Message_IsCutAtConjunctionsAndPunctuation(string text, string clauses)
    {
        Assert.Equal(clauses.Split('|'), FrenchClauses.Split(text));
    }
}
