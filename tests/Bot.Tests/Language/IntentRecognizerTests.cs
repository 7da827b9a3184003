using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

public sealed class IntentRecognizerTests
{
    [Theory]
    [InlineData("jai perdu mon mdp", Intents.MotDePasseOublie)]
    [InlineData("c ou modulo", Intents.AccesModulo)]
    [InlineData("J'AI OUBLIÉ MON IDENTIFIANT !!!", Intents.IdentifiantOublie)]
    [InlineData("bonjour, le code par sms n'arrive jamais, pouvez vous m'aider svp", Intents.CodeSms)]
    [InlineData("ma fille est née le 1er mars 2015 et le site dit que la date est incorrecte", Intents.DateNaissanceRefusee)]
    [InlineData("on me dit un compte existe deja", Intents.CompteDejaActive)]
    [InlineData("je veux parler a un etre humain", Intents.ParlerAUnHumain)]
    [InlineData("quel est le menu de la cantine lundi", Intents.HorsPerimetre)]
    public void ParentPhrasing_RoutesToIntent(string text, string expected)
    {
        var prediction = TrainedModel.Recognizer.Recognize(text);

        Assert.Equal(expected, prediction.Intent);
        Assert.Equal(expected, prediction.Ranking[0].Intent);
        Assert.InRange(prediction.Score, IntentRecognizer.DefaultMinScore, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("azertyuiop")]
    [InlineData("qsdkjfh lkjqsd wxcv")]
    [InlineData("xxxxxxxx zzzzz")]
    [InlineData("?!?!")]
    [InlineData("123456")]
    public void Gibberish_IsUnsure(string text)
    {
        var prediction = TrainedModel.Recognizer.Recognize(text);

        Assert.Null(prediction.Intent);
        Assert.True(prediction.IsUnsure);
    }

    // None of these is in dialogs/intents/demande_vague.yaml: they test that vagueness generalises.
    [Theory]
    [InlineData("j'ai un gros souci")]
    [InlineData("rien ne marche sur ce site")]
    [InlineData("je galère depuis ce matin")]
    [InlineData("le site plante")]
    [InlineData("je suis bloquée")]
    [InlineData("vous pouvez m'aider ?")]
    [InlineData("j'ai oublié mon identifiant et mon mot de passe")]
    public void AmbiguousMessage_IsUnsureRatherThanAGuess(string text)
    {
        var prediction = TrainedModel.Recognizer.Recognize(text);

        Assert.Null(prediction.Intent);
        Assert.NotEmpty(prediction.Ranking);
    }

    [Fact]
    public void Ranking_IsBestFirstWithScoresBetweenZeroAndOne()
    {
        var prediction = TrainedModel.Recognizer.Recognize("mdp oublie");

        Assert.Equal(3, prediction.Ranking.Count);
        Assert.Equal(prediction.Ranking.OrderByDescending(r => r.Score), prediction.Ranking);
        Assert.All(prediction.Ranking, r => Assert.InRange(r.Score, 0, 1));
        Assert.Equal(prediction.Score, prediction.Ranking[0].Score);
    }
}
