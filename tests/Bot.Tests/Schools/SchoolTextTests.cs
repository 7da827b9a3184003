using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Tests.Schools;

public sealed class SchoolTextTests
{
    [Theory]
    [InlineData("L'école Ste-Anne, 3 Rue !", "l ecole sainte anne trois rue")]
    [InlineData("St Jo à Corps-Nuds", "saint jo a corps nuds")]
    [InlineData("ÉCOLE ÉLÉMENTAIRE PUBLIQUE", "ecole elementaire publique")]
    [InlineData("Sacré-Cœur", "sacre coeur")]
    [InlineData("des 2 Provinces", "des deux provinces")]
    [InlineData("les 21 marches", "les vingt et un marches")]
    [InlineData("Jean XXIII", "jean vingt trois")]
    [InlineData("Mesnil-Roc'h", "mesnil roch")]
    [InlineData("Montesso'Rennes", "montessorennes")]
    [InlineData("d'Arc", "d arc")]
    [InlineData("ND de Lourdes", "notre dame de lourdes")]
    [InlineData("Paris 15e Arrondissement", "paris quinze arrondissement")]
    [InlineData("Paris 1er", "paris premier")]
    [InlineData("EEPU Jean Moulin", "elementaire publique jean moulin")]
    public void Normalize_FoldsAccentsPunctuationAbbreviationsAndNumbers(string text, string expected)
    {
        var normalized = SchoolText.Normalize(text);

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(0, "zero")]
    [InlineData(16, "seize")]
    [InlineData(17, "dix sept")]
    [InlineData(31, "trente et un")]
    [InlineData(71, "soixante et onze")]
    [InlineData(80, "quatre vingt")]
    [InlineData(97, "quatre vingt dix sept")]
    public void NumberWords_WritesFrenchNumbers(int number, string expected)
    {
        var words = SchoolText.NumberWords(number);

        Assert.Equal(expected, words);
    }

    [Theory]
    [InlineData("pierres", "pierre")]
    [InlineData("pierre", "pierre")]
    [InlineData("vieux", "vieu")]
    [InlineData("sainte", "saint")]
    [InlineData("saint", "saint")]
    [InlineData("cross", "cross")]
    [InlineData("bois", "boi")]
    [InlineData("les", "les")]
    public void Key_StripsALightPluralAndFoldsSainteIntoSaint(string word, string expected)
    {
        var key = SchoolText.Key(word);

        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData("jozef", "joseph")]
    [InlineData("jaque", "jacque")]
    [InlineData("filipe", "philipe")]
    [InlineData("gueheno", "guehenno")]
    public void Phonetic_SameSoundSameKey(string typed, string official)
    {
        Assert.Equal(SchoolText.Phonetic(official), SchoolText.Phonetic(typed));
    }

    [Theory]
    [InlineData("chollet", "colette")]
    [InlineData("chene", "quenne")]
    public void Phonetic_ChIsItsOwnSound(string official, string typed)
    {
        Assert.NotEqual(SchoolText.Phonetic(official), SchoolText.Phonetic(typed));
    }

    [Fact]
    public void Phonetic_ChBeforeRIsK()
    {
        Assert.Equal(SchoolText.Phonetic("christophe"), SchoolText.Phonetic("kristof"));
    }

    [Theory]
    [InlineData("centre")]
    [InlineData("petite")]
    [InlineData("nouvelle")]
    [InlineData("mairie")]
    public void IsGeneric_EverydayWordsThatDescribeMoreThanTheyName(string word)
    {
        Assert.True(SchoolText.IsGeneric(SchoolText.Key(word)));
    }

    [Theory]
    [InlineData("providence")]
    [InlineData("moulin")]
    [InlineData("joseph")]
    public void IsGeneric_NotWordsThatName(string word)
    {
        Assert.False(SchoolText.IsGeneric(SchoolText.Key(word)));
    }

    [Theory]
    [InlineData("le")]
    [InlineData("ecole")]
    [InlineData("merci")]
    [InlineData("fils")]
    [InlineData("c")]
    public void IsStopWord_ChatterAndArticles(string word)
    {
        Assert.True(SchoolText.IsStopWord(word));
    }

    [Theory]
    [InlineData("notre")]
    [InlineData("saint")]
    [InlineData("pres")]
    [InlineData("petit")]
    public void IsStopWord_NotWordsOfSchoolNames(string word)
    {
        Assert.False(SchoolText.IsStopWord(word));
    }
}
