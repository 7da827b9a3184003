using SupportBot.Bot.Dialogs.Activities;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Turns;

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
            var sms = renderer.Render(incoming, text.Text, text.Choices).Text ?? "";
            var (segments, gsm7, units) = SmsSegments.Count(sms);
            var culprit = gsm7 ? "" : $" (« {SmsSegments.FirstNonGsm(sms)} » forces UCS-2)";
            await output.WriteLineAsync($"{where}: {segments} SMS, {(gsm7 ? "GSM-7" : "UCS-2")}, {units} characters{culprit}");
        }
    }
}
