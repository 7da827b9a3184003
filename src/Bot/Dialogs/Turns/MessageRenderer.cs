using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>
/// Turns a text and its choices into a reply: Markdown with suggested actions for the web, plain text with numbered
/// choices for SMS (the parent answers with a digit).
/// </summary>
internal sealed class MessageRenderer(DialogCatalog catalog)
{
    public Activity Render(Activity incoming, MessageText text, IReadOnlyList<MessageText>? choices)
    {
        var reply = incoming.CreateReply();
        var sms = Channels.IsSms(incoming.ChannelId);
        reply.InputHint = choices is { Count: > 0 } ? "expectingInput" : "acceptingInput";
        if (sms)
        {
            reply.TextFormat = "plain";
            reply.Text = choices is { Count: > 0 } ? SmsWithChoices(text.Sms, choices) : text.Sms;
            return reply;
        }

        reply.TextFormat = "markdown";
        reply.Text = text.Web;
        if (choices is { Count: > 0 })
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = [.. choices.Select(c => new CardAction("imBack", c.Web, c.Web))],
            };
        }

        return reply;
    }

    private string SmsWithChoices(string text, IReadOnlyList<MessageText> choices)
    {
        var lines = choices.Select((c, i) => $"{i + 1}. {c.Sms}");
        var numbers = choices.Count == 1
            ? "1"
            : string.Join(", ", Enumerable.Range(1, choices.Count - 1)) + " ou " + choices.Count;
        var hint = catalog.Texts.Get(SystemTexts.AnswerWithNumber).Sms.Replace("{numeros}", numbers, StringComparison.Ordinal);
        return text + "\n" + string.Join("\n", lines) + "\n" + hint;
    }
}
