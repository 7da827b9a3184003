using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Tests.Schools;

public sealed class SchoolKindTests
{
    [Theory]
    [InlineData("maternelle", "Maternelle")]
    [InlineData("maternel", "Maternelle")]
    [InlineData("maternnelle", "Maternelle")]
    [InlineData("elementaire", "Elementaire")]
    [InlineData("elementare", "Elementaire")]
    [InlineData("primaire", "Primaire")]
    public void TryAdd_LevelWordsAndTheirMisspellings(string word, string expected)
    {
        var kind = new SchoolKind();

        var taken = kind.TryAdd(word);

        Assert.True(taken);
        Assert.Equal(Enum.Parse<SchoolLevel>(expected), kind.Level);
    }

    [Theory]
    [InlineData("publique", SchoolSector.Public)]
    [InlineData("public", SchoolSector.Public)]
    [InlineData("privee", SchoolSector.Private)]
    [InlineData("prive", SchoolSector.Private)]
    [InlineData("catho", SchoolSector.Private)]
    public void TryAdd_SectorWords(string word, SchoolSector expected)
    {
        var kind = new SchoolKind();

        kind.TryAdd(word);

        Assert.Equal(expected, kind.Sector);
    }

    [Fact]
    public void TryAdd_NameWord_NotTaken()
    {
        var kind = new SchoolKind();

        var taken = kind.TryAdd("moulin");

        Assert.False(taken);
        Assert.True(kind.IsEmpty);
    }

    [Fact]
    public void Factor_MaternelleSetsTheMaternelleAboveTheElementaireAndThePrimaire()
    {
        var kind = new SchoolKind();
        kind.TryAdd("maternelle");

        var maternelle = kind.Factor(SchoolLevel.Maternelle, SchoolSector.Public);
        var primaire = kind.Factor(SchoolLevel.Primaire, SchoolSector.Public);
        var elementaire = kind.Factor(SchoolLevel.Elementaire, SchoolSector.Public);

        Assert.True(maternelle > primaire && primaire > elementaire, $"{maternelle} {primaire} {elementaire}");
    }

    [Fact]
    public void Factor_BothLevelsNamed_CancelEachOther()
    {
        var kind = new SchoolKind();
        kind.TryAdd("maternelle");
        kind.TryAdd("elementaire");

        var factor = kind.Factor(SchoolLevel.Elementaire, null);

        Assert.Equal(SchoolLevel.Unknown, kind.Level);
        Assert.Equal(1f, factor);
    }
}
