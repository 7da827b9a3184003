using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

public sealed class FrenchTextTests
{
    [Theory]
    [InlineData("J'ai oublié l'identifiant !", "j ai oublie l identifiant")]
    [InlineData("jai perdu mon mdp", "j ai perdu mon mot de passe")]
    [InlineData("c ou modulo svp", "c est ou modulo s il vous plait")]
    [InlineData("C'est où Modulo ?", "c est ou modulo")]
    [InlineData("pb de connexion ac France Connect", "probleme de connexion avec franceconnect")]
    [InlineData("ŒUVRE  ÉCOLE   Noël", "oeuvre ecole noel")]
    [InlineData("sa fille", "sa fille")]
    public void ParentSpelling_NormalizesToOneForm(string text, string expected)
    {
        Assert.Equal(expected, FrenchText.Normalize(text));
    }
}
