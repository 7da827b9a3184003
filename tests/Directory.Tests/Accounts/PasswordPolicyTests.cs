using SupportBot.AccountDirectory.Accounts;

namespace SupportBot.AccountDirectory.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Toutatice2026")]
    [InlineData("abcdefg1")]
    [InlineData("12345678a")]
    [InlineData("ABCDEFGHIJKL12")]
    public void Problems_EduConnectCompliantPassword_IsAccepted(string password)
    {
        Assert.Empty(PasswordPolicy.Problems(password));
    }

    [Theory]
    [InlineData("abc1", "de 8 à 14 caractères")]
    [InlineData("abcdefghijklm12", "de 8 à 14 caractères")]
    [InlineData("abcdefgh", "au moins un chiffre")]
    [InlineData("12345678", "au moins une lettre")]
    [InlineData("motdepassé1", "lettres non accentuées")]
    [InlineData("mot de passe1", "lettres non accentuées")]
    [InlineData("motdepasse!1", "lettres non accentuées")]
    [InlineData("", "de 8 à 14 caractères")]
    public void Problems_BrokenRule_IsNamedInFrench(string password, string expected)
    {
        var problems = PasswordPolicy.Problems(password);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }
}
