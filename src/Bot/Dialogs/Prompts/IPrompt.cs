using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>A prompt that can say, before running, whether the parent's message answers it (the bot then lets it handle it).</summary>
internal interface IPrompt
{
    bool Recognizes(TurnContext turn, DialogInstance instance);
}
