using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Sms;

namespace SupportBot.Bot.Dialogs.Commands;

/// <summary>Each SMS text as the parent receives it (rendered like a reply), with its cost: file:line, segments, encoding.</summary>
internal static class SmsReport
{
    public static async Task WriteAsync(DialogCatalog catalog, MessageRenderer renderer, TextWriter output)
    {
        var incoming = new Activity { ChannelId = Channels.Sms, Conversation = new ConversationAccount("report") };
        var texts = catalog.Dialogs.Values.OrderBy(d => d.File, StringComparer.Ordinal)
            .SelectMany(d => d.Steps.SelectMany(step => step.Kind.Texts(step, catalog.Texts).Select(t => (Where: $"{step.Position} {step.Id} {t.Name}", t))))
            .Concat(catalog.Texts.All.Where(t => SystemTexts.IsChatText(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (Where: $"{t.Value.Position} {t.Key}", new StepText(t.Key, t.Value))));
        foreach (var (where, text) in texts)
        {
            // As the SMS channel sends it: characters forcing UCS-2 replaced where a plain equivalent reads as well.
            var sms = SmsText.ToGsmFriendly(renderer.Render(incoming, text.Text, text.Choices).Text ?? "");
            var measure = SmsText.Measure(sms);
            var gsm7 = measure.Encoding == SmsEncoding.Gsm7;
            var culprit = gsm7 ? "" : $" (« {measure.NonGsmCharacters[0]} » forces UCS-2)";
            await output.WriteLineAsync($"{where}: {measure.Segments} SMS, {(gsm7 ? "GSM-7" : "UCS-2")}, {measure.Units} characters{culprit}");
        }
    }
}
