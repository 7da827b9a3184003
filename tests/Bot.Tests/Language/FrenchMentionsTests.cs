using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

public sealed class FrenchMentionsTests
{
    [Theory]
    [InlineData("Bonjour, je m'appelle Guillaume Reabu, je n'ai pas de portable.", "Guillaume Reabu")]
    [InlineData("je mappelle valery durant et mon fils est en CP", "valery durant")]
    [InlineData("Je suis Valéry Durant, mon fils Alexis Durand est à l'école", "Valéry Durant")]
    [InlineData("je suis Mme Léa Zoumn", "Léa Zoumn")]
    [InlineData("moi c'est Karim Benali", "Karim Benali")]
    [InlineData("je suis perdue, je ne comprends rien", null)]
    [InlineData("je suis la maman de Hugo", null)]
    [InlineData("Je suis Valéry", null)]
    [InlineData("j'ai oublié mon mot de passe", null)]
    public void ParentName_IsReadOnlyFromAnIntroduction(string text, string? name)
    {
        Assert.Equal(name, FrenchMentions.ParentName(text));
    }

    [Theory]
    [InlineData("Mon fils Hugo Reabu est à la maternelle de Melesse.", "Hugo Reabu")]
    [InlineData("ma fille léa zoumn est en CE1", "léa zoumn")]
    [InlineData("mon enfant, Tom, n'apparaît pas", "Tom")]
    [InlineData("elle s'appelle Inès Durant", "Inès Durant")]
    [InlineData("mon fils est en CP à Jean Moulin", null)]
    [InlineData("mon fils a perdu son code", null)]
    [InlineData("ma fille aînée est au collège", null)]
    public void ChildName_IsTheWordsAfterMonFilsOrMaFille(string text, string? name)
    {
        Assert.Equal(name, FrenchMentions.ChildName(text));
    }

    [Theory]
    [InlineData("mon fils Alexis est à l'école élémentaire Jean Moulin de Rennes, mon numéro c'est le 06", "école élémentaire Jean Moulin de Rennes")]
    [InlineData("Mon fils Hugo Reabu est à la maternelle de Melesse. Il me faudrait un compte", "maternelle de Melesse")]
    [InlineData("elle est à l'ecole jean charcot a guichen et je n'ai pas de portable", "ecole jean charcot a guichen")]
    [InlineData("son école c'est 0352207J", "0352207J")]
    [InlineData("je n'arrive pas à me connecter à l'école", null)]
    [InlineData("le site de l'école", null)]
    [InlineData("bonjour j'ai perdu le courrier de l'ecole avec les codes", null)]
    [InlineData("j'ai écrit à l'école mais personne ne répond", null)]
    [InlineData("il est scolarisé dans l'école Jean Moulin à Rennes", "école Jean Moulin à Rennes")]
    public void School_IsTheClauseFromTheSchoolWord(string text, string? school)
    {
        Assert.Equal(school, FrenchMentions.School(text));
    }
}
