using System.Globalization;

namespace SupportBot.Bot.Language;

/// <summary>Runs both recognizers over one text; shared by the nlu command and POST /api/nlu.</summary>
internal sealed class NluAnalyzer(IIntentRecognizer intents, IEntityRecognizer entities, TimeProvider time)
{
    public NluResult Analyze(string text)
    {
        var prediction = intents.Recognize(text);
        var found = new List<NluEntity>();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (entities.RecognizeBirthDate(text, today) is { Date: { } date })
        {
            found.Add(new NluEntity("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (entities.RecognizePhone(text) is { } phone)
        {
            found.Add(new NluEntity("phone", phone));
        }

        if (entities.RecognizeEmail(text) is { } email)
        {
            found.Add(new NluEntity("email", email));
        }

        if (entities.RecognizeYesNo(text) is { } yes)
        {
            found.Add(new NluEntity("yesno", yes ? "yes" : "no"));
        }

        return new NluResult(text, prediction.Intent, Math.Round(prediction.Score, 3), found);
    }
}
