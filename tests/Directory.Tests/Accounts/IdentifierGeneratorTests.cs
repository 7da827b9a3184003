using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Tests.Accounts;

public sealed class IdentifierGeneratorTests
{
    [Theory]
    [InlineData("Valéry", "DURANT", "v.durant")]
    [InlineData("Yann", "Le Goff", "y.legoff")]
    [InlineData("Aïssatou", "N'Diaye", "a.ndiaye")]
    [InlineData("Aïssatou", "N’Diaye", "a.ndiaye")]
    [InlineData("Jürgen", "Müller-Öztürk", "j.mullerozturk")]
    [InlineData("Ève", "Durant", "e.durant")]
    [InlineData("Élodie", "de La Fontaine", "e.delafontaine")]
    [InlineData("Œdipe", "Lœuf", "o.loeuf")]
    [InlineData("  guillaume ", " REABU ", "g.reabu")]
    [InlineData("Anne-Sophie", "D'Aubigné-Saint-Exupéry", "a.daubignesaintexupery")]
    public void BaseFor_FoldsNamesAsEduConnectDoes(string firstName, string familyName, string expected)
    {
        var identifier = IdentifierGenerator.BaseFor(firstName, familyName);

        Assert.Equal(expected, identifier);
    }

    [Theory]
    [InlineData("", "Durant", "FirstName")]
    [InlineData("-", "Durant", "FirstName")]
    [InlineData("Valéry", " - ' ", "FamilyName")]
    public void BaseFor_NameWithoutLetters_IsRefusedNamingTheField(string firstName, string familyName, string field)
    {
        var error = Assert.Throws<DirectoryValidationException>(() => IdentifierGenerator.BaseFor(firstName, familyName));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void FirstFree_BareFormFree_IsTheBareForm()
    {
        Assert.Equal("v.durant", IdentifierGenerator.FirstFree("v.durant", ["v.durant1", "v.durantel"]));
    }

    [Fact]
    public void FirstFree_BareFormTaken_TakesTheSmallestFreeNumber()
    {
        Assert.Equal("v.durant1", IdentifierGenerator.FirstFree("v.durant", ["v.durant"]));
        Assert.Equal("v.durant1", IdentifierGenerator.FirstFree("v.durant", ["v.durant", "v.durant2"]));
        Assert.Equal("g.reabu5", IdentifierGenerator.FirstFree("g.reabu", ["g.reabu", "g.reabu1", "g.reabu2", "g.reabu3", "g.reabu4"]));
    }
}
