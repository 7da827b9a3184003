using SupportBot.Bot.Sms;

namespace SupportBot.Bot.Tests.Sms;

public sealed class SmsTextTests
{
    [Theory]
    [InlineData("Bonjour, votre demande est enregistrée.", "Gsm7", 39, 1)]
    [InlineData("à ä Ç é è É ö ù ü", "Gsm7", 17, 1)]
    [InlineData("Prix : 5 €", "Gsm7", 11, 1)]
    [InlineData("Coût : 5 €", "Ucs2", 10, 1)]
    [InlineData("Ça marche", "Gsm7", 9, 1)]
    [InlineData("ça marche", "Ucs2", 9, 1)]
    [InlineData("« Je me connecte »", "Ucs2", 18, 1)]
    [InlineData("l’identifiant", "Ucs2", 13, 1)]
    public void Measure_ClassifiesFrenchCharactersAsTheDomainSays(string text, string encoding, int units, int segments)
    {
        var measure = SmsText.Measure(text);

        Assert.Equal((encoding, units, segments), (measure.Encoding.ToString(), measure.Units, measure.Segments));
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Measure_Gsm7Boundaries(int length, int segments)
    {
        Assert.Equal(segments, SmsText.Measure(new string('a', length)).Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Measure_Ucs2Boundaries(int length, int segments)
    {
        Assert.Equal(segments, SmsText.Measure("ç" + new string('a', length - 1)).Segments);
    }

    [Fact]
    public void ToGsmFriendly_KeepsFrenchReadableAndFitsGsm7()
    {
        var text = SmsText.ToGsmFriendly("Ça fonctionne : « Je me connecte », l’identifiant, la fenêtre, le cœur…");

        Assert.Equal("Ça fonctionne : \" Je me connecte \", l'identifiant, la fenetre, le coeur...", text);
        Assert.Equal(SmsEncoding.Gsm7, SmsText.Measure(text).Encoding);
    }
}
