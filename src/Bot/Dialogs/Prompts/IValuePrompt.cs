using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// A prompt whose kind of value (an e-mail, a phone, a date, an identifier, a reference) can be heard in any message,
/// not only in the answer to its own question: « mon identifiant c'est v.durant1 » while asked something else.
/// Free text, yes/no and choices cannot: out of their question, they mean nothing.
/// </summary>
internal interface IValuePrompt
{
    string Id { get; }

    /// <summary>The value in <paramref name="text"/>, as the prompt returns it, or null; at most as lenient as an answer.</summary>
    string? Hear(TurnContext turn, string text);
}
