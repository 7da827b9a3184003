namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>How a waiting prompt would take the parent's message.</summary>
internal enum PromptReading
{
    /// <summary>Nothing in the message answers it: no answer, no value the step takes, none of the step's intents.</summary>
    Nothing,

    /// <summary>An answer of the expected kind, refused for a reason of its own (an impossible date, an e-mail where an identifier is asked).</summary>
    Mistaken,

    /// <summary>A choice named by one of its synonyms inside a longer message (« plutôt le mot de passe »).</summary>
    Guess,

    /// <summary>An answer, a value the step takes instead of one, or one of the step's intents.</summary>
    Answer,
}
