using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>A prompt that can say, before running, how it would take the parent's message (the bot then lets it handle it, or not).</summary>
internal interface IPrompt
{
    PromptReading Read(TurnContext turn, DialogInstance instance);

    /// <summary>What the prompt asked (its choices, the intents its step listens for); null without saved state.</summary>
    PromptOptions? Options(DialogInstance instance);
}
