using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Migration.Rules;

namespace SupportBot.Migration.Tests.Planning;

public sealed class IdentityTests
{
    [Theory]
    [InlineData("Ève", "Müller-Öztürk")]
    [InlineData("Gaëlle", "BŒUF")]
    [InlineData(" Jean-Michel ", "DE LA VILLÉON")]
    [InlineData("Anaïs", "D'ARGENTRÉ")]
    [InlineData("Łukasz", "Đoković")]
    [InlineData("Søren", "STRAẞE")]
    [InlineData("Zoé", "N’DIAYE 2")]
    public void FastFold_SameIdentifierBaseAsTheDirectory(string first, string family)
    {
        Assert.Equal(IdentifierGenerator.BaseFor(first, family), Identity.BaseIdentifier(first, family));
    }

    [Fact]
    public void NameWithoutLetters_RefusedLikeTheDirectory()
    {
        Assert.Throws<DirectoryValidationException>(() => Identity.BaseIdentifier("123", "MARTIN"));
    }

    [Fact]
    public void MissingPhoneOrEmail_NoIdentity()
    {
        Assert.Null(Identity.Key("MARTIN", "Marie", "+33600000001", null));
        Assert.Equal(Identity.Key("Le Goff", "ANNE", "+33600000001", "a@example.org"), Identity.Key("LE GOFF", "Anne", "+33600000001", "a@example.org"));
    }
}
