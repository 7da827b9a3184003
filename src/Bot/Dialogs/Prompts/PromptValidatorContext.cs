using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Prompts;

internal sealed record PromptValidatorContext<T>(TurnContext Turn, Recognition<T> Recognized, PromptOptions Options, int Attempt);

/// <summary>Extra checks after recognition; returning false re-asks with the retry text.</summary>
internal delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken);
