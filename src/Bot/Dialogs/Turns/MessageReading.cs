using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>
/// What the bot reads in one message of the parent: its intent, and the values of the kinds the current path can take
/// (identifier, e-mail, phone, date, reference). Each is read at most once per turn, and only when something asks for it:
/// an answer to the question waiting costs no intent recognition, and a path asking only for an e-mail never runs the
/// phone or date recognizers.
/// </summary>
internal sealed class MessageReading(TurnContext turn, string text, IIntentRecognizer intents, DialogSet dialogs)
{
    private readonly Dictionary<string, string?> _heard = new(StringComparer.Ordinal);
    private IntentPrediction? _intent;

    public string Text => text;

    public IntentPrediction Intent => _intent ??= intents.Recognize(text);

    /// <summary>The value of the kind of the prompt <paramref name="promptId"/> in the message, or null (always, for kinds that cannot be heard).</summary>
    public string? Hear(string promptId)
    {
        if (!_heard.TryGetValue(promptId, out var value))
        {
            var prompt = dialogs.Find(promptId) as IValuePrompt;
            value = prompt?.Hear(turn, text);
            _heard[promptId] = value;
            if (value is not null && prompt is not ReferencePrompt)
            {
                turn.PersonalValues.Add(value);
            }
        }

        return value;
    }

    /// <summary>Prompt id → value for those of <paramref name="promptIds"/> heard; null when none is.</summary>
    public Dictionary<string, string>? Hear(IEnumerable<string> promptIds)
    {
        Dictionary<string, string>? heard = null;
        foreach (var id in promptIds)
        {
            if (Hear(id) is { } value)
            {
                (heard ??= new Dictionary<string, string>(StringComparer.Ordinal))[id] = value;
            }
        }

        return heard;
    }

    /// <summary>The same reading of a part of the message (one of its clauses).</summary>
    public MessageReading Part(string part) => new(turn, part, intents, dialogs);
}
