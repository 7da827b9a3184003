using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

public sealed class EntityRecognizerTests
{
    private readonly EntityRecognizer _recognizer = new();

    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("0612345678", "+33612345678")]
    [InlineData("06.12.34.56.78", "+33612345678")]
    [InlineData("06-12-34-56-78", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+33612345678", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "+33612345678")]
    [InlineData("+33 (0)6 12 34 56 78", "+33612345678")]
    [InlineData("mon numéro c'est le 07 81 22 33 44 merci", "+33781223344")]
    [InlineData("fixe : 02 99 12 34 56", "+33299123456")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    public void PhoneNumber_ReadAsE164(string text, string expected)
    {
        Assert.Equal(expected, _recognizer.RecognizePhone(text));
    }

    [Theory]
    [InlineData("je n'ai pas de portable")]
    [InlineData("06 12 34")]
    [InlineData("16/06/2013")]
    [InlineData("12345678901234")]
    [InlineData("")]
    public void NoPhoneNumber_ReturnsNull(string text)
    {
        Assert.Null(_recognizer.RecognizePhone(text));
    }

    [Theory]
    [InlineData("valery.durant@example.fr", "valery.durant@example.fr")]
    [InlineData("Valery.Durant@Example.FR", "valery.durant@example.fr")]
    [InlineData("mon mail c'est jean-pierre.le-goff@laposte.net merci", "jean-pierre.le-goff@laposte.net")]
    [InlineData("adresse : <anne.martin@orange.fr>.", "anne.martin@orange.fr")]
    [InlineData("anne.martin arobase orange.fr", "anne.martin@orange.fr")]
    [InlineData("c'est anne_m+ecole@gmail.com!", "anne_m+ecole@gmail.com")]
    public void EmailAddress_ReadLowerCased(string text, string expected)
    {
        Assert.Equal(expected, _recognizer.RecognizeEmail(text));
    }

    [Theory]
    [InlineData("je n'ai pas de mail")]
    [InlineData("anne.martin@")]
    [InlineData("@orange.fr")]
    [InlineData("anne@orange")]
    [InlineData("anne martin@orange.fr@x")]
    public void NoEmailAddress_ReturnsNull(string text)
    {
        Assert.Null(_recognizer.RecognizeEmail(text));
    }

    [Theory]
    [InlineData("oui", true)]
    [InlineData("Oui !", true)]
    [InlineData("ouais", true)]
    [InlineData("ok", true)]
    [InlineData("OK merci", true)]
    [InlineData("d'accord", true)]
    [InlineData("dac", true)]
    [InlineData("bien sûr", true)]
    [InlineData("tout à fait", true)]
    [InlineData("oui oui", true)]
    [InlineData("si", true)]
    [InlineData("c'est ça", true)]
    [InlineData("exactement", true)]
    [InlineData("volontiers", true)]
    [InlineData("oui j'ai perdu mon mot de passe hier soir", true)]
    [InlineData("non", false)]
    [InlineData("Non merci", false)]
    [InlineData("nan", false)]
    [InlineData("pas du tout", false)]
    [InlineData("absolument pas", false)]
    [InlineData("pas d'accord", false)]
    [InlineData("non pas vraiment", false)]
    [InlineData("surtout pas", false)]
    [InlineData("jamais", false)]
    [InlineData("non ce n'est pas ça du tout", false)]
    [InlineData("oui non je ne sais pas", null)]
    [InlineData("je ne comprends pas comment ça marche", null)]
    [InlineData("peut-être", null)]
    [InlineData("si je clique sur le lien", null)]
    [InlineData("", null)]
    public void Answer_ReadAsYesOrNo(string text, bool? expected)
    {
        Assert.Equal(expected, _recognizer.RecognizeYesNo(text));
    }
}
