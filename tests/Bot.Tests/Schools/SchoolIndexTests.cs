using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Tests.Schools;

/// <summary>The decision rules (src/Bot/Schools/RULES.md) on a few schools written here, so each rule shows on its own.</summary>
public sealed class SchoolIndexTests
{
    private static readonly SchoolIndex Index = SchoolIndex.Build(
    [
        Public("0350667K", "Ecole maternelle publique Jean Moulin", "Rennes", "35000"),
        Public("0352207J", "Ecole élémentaire publique Jean Moulin", "Rennes", "35000"),
        Public("0350659B", "Ecole maternelle publique Pasteur", "Rennes", "35000"),
        Public("0350661D", "Ecole maternelle publique Colombier", "Rennes", "35000"),
        Public("0350941H", "Ecole maternelle publique Guyenne", "Rennes", "35000"),
        Public("0352435G", "Ecole maternelle publique Volga", "Rennes", "35200"),
        Private("0351516H", "Ecole primaire privée St Joseph", "Rennes", "35000"),
        Private("0351267M", "Ecole primaire privée St Joseph", "Corps-Nuds", "35150"),
        Public("0350208L", "Ecole primaire publique Jacques-Yves Cousteau", "Corps-Nuds", "35150"),
        Private("0352230J", "Ecole primaire privée Notre Dame", "Bais", "35680"),
        Private("0352363D", "Ecole primaire privée St Joseph", "Janzé", "35150"),
        Private("0351193G", "Ecole primaire privée St Joseph", "Bonnemain", "35270"),
        Private("0351306E", "Ecole primaire privée St Joseph", "Fleurigné", "35133"),
        Private("0351059L", "Ecole primaire privée St Joseph", "Irodouër", "35850"),
        Private("0352174Y", "Ecole primaire privée St Joseph", "Saint-Thurial", "35310"),
        Public("0350557R", "Ecole primaire publique les Trois Pierre", "Saint-Thurial", "35310"),
        Public("0351755T", "Ecole maternelle publique de Melesse", "Melesse", "35520"),
        Public("0351665V", "Ecole élémentaire publique de Melesse", "Melesse", "35520"),
        Private("0351105L", "Ecole primaire privée Saint François", "Melesse", "35520"),
        Public("0350165P", "Ecole élémentaire publique de Cardroc", "Cardroc", "35190"),
        Public("0350361C", "Ecole maternelle publique le Pays Pourpré", "Montfort-sur-Meu", "35160"),
        Private("0351124G", "Ecole primaire privée Notre Dame", "Montfort-sur-Meu", "35160"),
        Private("0351747J", "Ecole primaire privée Ste Anne", "Saint-M'Hervé", "35500"),
        Public("0350148W", "Ecole primaire publique les Rondines", "Bourg-des-Comptes", "35890"),
        Private("0351110S", "Ecole primaire privée St Martin", "La Mézière", "35520"),
        Private("0351739A", "Ecole primaire privée St Martin", "Mézières-sur-Couesnon", "35140"),
        Public("0351014M", "Ecole maternelle publique Beausoleil", "Cesson-Sévigné", "35510"),
        Public("0351859F", "Ecole élémentaire publique Beausoleil", "Cesson-Sévigné", "35510"),
        Private("0351214E", "Ecole primaire privée la Providence Centre", "Bruz", "35170"),
        Public("0350173Y", "Ecole primaire publique le Chemin Neuf", "La Chapelle-Chaussée", "35630"),
        Private("0351379J", "Ecole primaire privée Ste Elisabeth", "Saint-Jean-sur-Vilaine", "35220"),
        Private("0352773Z", "Ecole primaire privée Diwan", "Guipel", "35440"),
    ]);

    [Theory]
    [InlineData("0352207 j")]
    [InlineData("035 2207 J")]
    [InlineData("mon code UAI c'est 0352207J.")]
    [InlineData("0352207")]
    public void Uai_WithSpacesAnyCaseOrWithoutItsLetter_IsThatSchool(string text)
    {
        var result = Index.Find(text);

        AssertOne(result, "0352207J");
    }

    [Fact]
    public void Uai_Unknown_NothingFound()
    {
        var result = Index.Find("0359999 z");

        Assert.Equal(SchoolDecision.None, result.Decision);
        Assert.Equal(SchoolNeed.NothingFound, result.Need);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData("st joseph corps nuds")]
    [InlineData("Saint-Joseph, Corps-Nuds")]
    [InlineData("ST JOSEPH A CORPS NUDS")]
    [InlineData("st jo à corps nuds")]
    [InlineData("st jozef corp nud")]
    public void SaintAbbreviatedMisspeltOrShortened_IsTheSchool(string text)
    {
        var result = Index.Find(text);

        AssertOne(result, "0351267M");
    }

    [Theory]
    [InlineData("les 3 pierres st thurial")]
    [InlineData("les trois pierre")]
    public void DigitsAndPlurals_MatchTheName(string text)
    {
        var result = Index.Find(text);

        AssertOne(result, "0350557R");
    }

    [Theory]
    [InlineData("maternelle jean moulin rennes", "0350667K")]
    [InlineData("la maternelle jean moulin", "0350667K")]
    [InlineData("ecole elementaire jean moulin", "0352207J")]
    [InlineData("élém jean moulin", "0352207J")]
    public void KindHint_SeparatesTheMaternelleFromTheElementaireOfTheSameName(string text, string uai)
    {
        var result = Index.Find(text);

        AssertOne(result, uai);
    }

    [Theory]
    [InlineData("ecole jean moulin rennes")]
    [InlineData("jean moulin")]
    [InlineData("ecole primaire jean moulin")]
    public void SameNameNoLevel_OffersBoth(string text)
    {
        var result = Index.Find(text);

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.Equal(["0350667K", "0352207J"], result.Candidates.Select(c => c.School.Uai).Order());
    }

    [Fact]
    public void CommuneAloneWithFewSchools_OffersThemAll()
    {
        var result = Index.Find("ecole a melesse");

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.Equal(["0351105L", "0351665V", "0351755T"], result.Candidates.Select(c => c.School.Uai).Order());
    }

    [Fact]
    public void CommuneAloneWithKindHint_KeepsTheSchoolsOfThatKind()
    {
        var maternelle = Index.Find("la maternelle de Melesse");
        var privee = Index.Find("ecole privée melesse");

        AssertOne(maternelle, "0351755T");
        AssertOne(privee, "0351105L");
    }

    [Fact]
    public void CommuneAloneWithOneSchool_IsThatSchool()
    {
        var result = Index.Find("cardroc");

        AssertOne(result, "0350165P");
    }

    [Fact]
    public void CommuneAloneWithMoreThanFiveSchools_AsksTheNameThere()
    {
        var result = Index.Find("une école à rennes");

        Assert.Equal(SchoolDecision.None, result.Decision);
        Assert.Equal(SchoolNeed.Name, result.Need);
        Assert.Equal("Rennes", result.Commune);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void CommuneByItsShortName_Named()
    {
        var result = Index.Find("ecole de montfort");

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.Equal(["0350361C", "0351124G"], result.Candidates.Select(c => c.School.Uai).Order());
    }

    [Fact]
    public void SaintAlone_NamesNoCommune()
    {
        var result = Index.Find("saint xyzzy");

        Assert.Equal(SchoolNeed.NothingFound, result.Need);
    }

    [Fact]
    public void CommuneNamedWhole_BeatsOneNamedByItsShortName()
    {
        var result = Index.Find("l'école du bourg à melesse");

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.All(result.Candidates, c => Assert.Equal("Melesse", c.School.Commune));
    }

    [Fact]
    public void SameNameInACommuneNamedWholeAndInOneNamedInPart_TheWholeOne()
    {
        var result = Index.Find("st martin la meziere");

        AssertOne(result, "0351110S");
    }

    [Fact]
    public void OneWordOfATwoWordCommune_StillItsCommune()
    {
        var result = Index.Find("ecole de cesson");

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.Equal(["0351014M", "0351859F"], result.Candidates.Select(c => c.School.Uai).Order());
    }

    [Theory]
    [InlineData("stjoseph corpsnuds")]
    [InlineData("EPPR st joseph corps nuds")]
    public void WordsTypedTogetherOrOfficialAbbreviations_Understood(string text)
    {
        var result = Index.Find(text);

        AssertOne(result, "0351267M");
    }

    [Fact]
    public void NameOfMoreThanFiveSchoolsWithoutCommune_AsksTheCommune()
    {
        var result = Index.Find("st joseph");

        Assert.Equal(SchoolDecision.None, result.Decision);
        Assert.Equal(SchoolNeed.Commune, result.Need);
    }

    [Fact]
    public void PreviousTextAndAnswer_FindTheSchoolTogether()
    {
        var first = Index.Find("st joseph");

        var second = Index.Find("st joseph", "corps nuds");

        Assert.Equal(SchoolNeed.Commune, first.Need);
        AssertOne(second, "0351267M");
    }

    [Fact]
    public void PostalCode_NamesItsCommunes()
    {
        var result = Index.Find("st joseph 35150");

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.Equal(["0351267M", "0352363D"], result.Candidates.Select(c => c.School.Uai).Order());
    }

    [Fact]
    public void UnknownNameInCommuneWithFewSchools_OffersTheCommunesSchools()
    {
        var result = Index.Find("ecole des lilas corps nuds");

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.Equal(["0350208L", "0351267M"], result.Candidates.Select(c => c.School.Uai).Order());
    }

    [Theory]
    [InlineData("ecole de poudlard")]
    [InlineData("bonjour merci")]
    [InlineData("")]
    [InlineData("ecole maternelle")]
    public void NothingPlausible_NothingFound(string text)
    {
        var result = Index.Find(text);

        Assert.Equal(SchoolDecision.None, result.Decision);
        Assert.Equal(SchoolNeed.NothingFound, result.Need);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData("st joseph corps nuds")]
    [InlineData("0352207 j")]
    [InlineData("35150")]
    public void EmptyIndex_NothingFound(string text)
    {
        var empty = SchoolIndex.Build([]);

        var result = empty.Find(text);

        Assert.Equal(SchoolNeed.NothingFound, result.Need);
        Assert.Null(empty.FindCommune(text));
    }

    [Theory]
    [InlineData("l ecole du centre")]
    [InlineData("la petite ecole du centre ville")]
    [InlineData("ecole neuve")]
    public void EverydayWordsOfALongerName_NothingFound(string text)
    {
        var result = Index.Find(text);

        Assert.Equal(SchoolDecision.None, result.Decision);
        Assert.Equal(SchoolNeed.NothingFound, result.Need);
    }

    [Theory]
    [InlineData("le chemin neuf")]
    [InlineData("ecole du chemin neuf")]
    public void NameMadeOfEverydayWordsTypedWhole_IsTheSchool(string text)
    {
        var result = Index.Find(text);

        AssertOne(result, "0350173Y");
    }

    [Theory]
    [InlineData("ecole primaire a dinan")]
    [InlineData("ecole de baie")]
    public void ShortWordOneLetterFromANameOrACommune_NothingFound(string text)
    {
        var result = Index.Find(text);

        Assert.Equal(SchoolDecision.None, result.Decision);
        Assert.Equal(SchoolNeed.NothingFound, result.Need);
    }

    [Theory]
    [InlineData("la providance centre", "0351214E")]
    [InlineData("ecole de cardrok", "0350165P")]
    public void LongWordOneLetterOrOneSoundAway_StillTheSchool(string text, string uai)
    {
        var result = Index.Find(text);

        AssertOne(result, uai);
    }

    [Fact]
    public void ShortTypoBesideAFirmWordOfTheCommune_NamesIt()
    {
        var result = Index.Find("st joseph cors nuds");

        AssertOne(result, "0351267M");
    }

    [Fact]
    public void NameOfWhichTheCommuneHoldsOnlySaint_OffersTheCommunesSchools()
    {
        var result = Index.Find("st joseph melesse");

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.Equal(["0351105L", "0351665V", "0351755T"], result.Candidates.Select(c => c.School.Uai).Order());
    }

    [Fact]
    public void HeadOfACommuneTypedInPart_NamesNothing()
    {
        var result = Index.Find("ecole jean giono");

        Assert.Equal(SchoolDecision.None, result.Decision);
    }

    [Fact]
    public void SchoolOfAnotherCommuneThanTheOneNamed_NotOffered()
    {
        var result = Index.Find("ecole cousteau a melesse");

        Assert.Equal(SchoolDecision.Choose, result.Decision);
        Assert.All(result.Candidates, c => Assert.Equal("Melesse", c.School.Commune));
    }

    [Theory]
    [InlineData("college jean moulin")]
    [InlineData("le lycée de melesse")]
    [InlineData("la crèche")]
    public void AnotherKindOfEstablishment_NothingFound(string text)
    {
        var result = Index.Find(text);

        Assert.Equal(SchoolDecision.None, result.Decision);
        Assert.Equal(SchoolNeed.NothingFound, result.Need);
    }

    [Fact]
    public void Candidates_BestFirstWithScoresBetweenZeroAndOne()
    {
        var result = Index.Find("maternelle jean moulin rennes");

        Assert.InRange(result.Candidates[0].Score, 0.99, 1);
        Assert.All(Index.Find("ecole jean moulin").Candidates, c => Assert.InRange(c.Score, 0, 1));
    }

    [Theory]
    [InlineData("corp nud", "Corps-Nuds", 2)]
    [InlineData("MELESSE", "Melesse", 3)]
    [InlineData("35190", "Cardroc", 1)]
    public void FindCommune_FuzzyCommuneText_ListsItsSchools(string text, string commune, int schools)
    {
        var found = Index.FindCommune(text);

        Assert.NotNull(found);
        Assert.Equal(commune, found.Commune);
        Assert.Equal(schools, found.Schools.Count);
    }

    [Fact]
    public void FindCommune_NoCommune_Null()
    {
        var found = Index.FindCommune("poudlard");

        Assert.Null(found);
    }

    private static void AssertOne(SchoolSearchResult result, string uai)
    {
        Assert.True(result.Decision == SchoolDecision.One,
            $"expected One {uai}, got {result.Decision} {result.Need} " + string.Join(", ", result.Candidates.Select(c => c.School.Uai)));
        Assert.Equal(uai, Assert.Single(result.Candidates).School.Uai);
    }

    private static SchoolEntry Public(string uai, string name, string commune, string postalCode) =>
        new(uai, name, commune, postalCode, SchoolSector.Public);

    private static SchoolEntry Private(string uai, string name, string commune, string postalCode) =>
        new(uai, name, commune, postalCode, SchoolSector.Private);
}
