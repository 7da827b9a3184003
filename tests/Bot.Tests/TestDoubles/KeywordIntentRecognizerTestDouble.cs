using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.TestDoubles;

/// <summary>
/// TEST DOUBLE of <see cref="IIntentRecognizer"/> (the real one is built by the language feature on another branch):
/// a few keywords, enough to route the test conversations; anything else is « unsure » with a fixed ranking.
/// </summary>
internal sealed class KeywordIntentRecognizerTestDouble : IIntentRecognizer
{
    private static readonly (string Keyword, string Intent)[] Keywords =
    [
        ("provisoire", Intents.CourrierNotification),
        ("courrier", Intents.CourrierNotification),
        ("mot de passe", Intents.MotDePasseOublie),
        ("identifiant", Intents.IdentifiantOublie),
        ("existe déjà", Intents.CompteDejaActive),
        ("code", Intents.CodeSms),
        ("date de naissance", Intents.DateNaissanceRefusee),
        ("non trouvées", Intents.TelephoneNonReconnu),
        ("numéro", Intents.TelephoneNonReconnu),
        ("activer", Intents.ActivationCompte),
        ("franceconnect", Intents.FranceConnect),
        ("enfant", Intents.EnfantManquant),
        ("adresse", Intents.AdresseMail),
        ("modulo", Intents.AccesModulo),
        ("bonjour", Intents.Salutation),
        ("merci", Intents.Remerciement),
        ("humain", Intents.ParlerAUnHumain),
        ("meteo", Intents.HorsPerimetre),
    ];

    public IntentPrediction Recognize(string text)
    {
        var lower = text.ToLowerInvariant();
        foreach (var (keyword, intent) in Keywords)
        {
            if (lower.Contains(keyword, StringComparison.Ordinal))
            {
                return new IntentPrediction(intent, 0.9, [new IntentScore(intent, 0.9)]);
            }
        }

        return new IntentPrediction(null, 0.3,
            [new IntentScore(Intents.MotDePasseOublie, 0.3), new IntentScore(Intents.IdentifiantOublie, 0.2)]);
    }
}
