using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;

namespace SupportBot.Bot.Dialogs;

/// <summary>
/// Asked when the recognizer is unsure: « is your question about ... ? » with the likeliest paths and the menu;
/// the parent's pick replaces this dialog.
/// </summary>
internal sealed class ClarifyDialog(DialogCatalog catalog) : Dialog(DefaultId)
{
    public const string DefaultId = "clarification";
    private const int MaxCandidates = 3;

    internal sealed record ClarifyState(List<string> DialogIds);

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var intents = options as IEnumerable<string> ?? [];
        var ids = intents.Select(i => catalog.IntentRoutes.GetValueOrDefault(i)).OfType<string>()
            .Where(id => id != SystemTexts.MenuDialog).Distinct().Take(MaxCandidates).ToList();
        ids.Add(SystemTexts.MenuDialog);
        DialogContext.SetState(dc.ActiveDialog!, new ClarifyState(ids));
        var menuLabel = catalog.Texts.Get(SystemTexts.ClarificationMenu);
        var choices = ids.Select(id => new ChoiceOption(id == SystemTexts.MenuDialog ? menuLabel : catalog.Dialogs[id].Title)).ToList();
        var text = catalog.Texts.Get(SystemTexts.Clarification);
        return await dc.BeginDialogAsync(ChoicePrompt.DefaultId, new PromptOptions(text, text, choices, MaxAttempts: 2), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var state = DialogContext.GetState<ClarifyState>(dc.ActiveDialog!)
            ?? throw new StaleDialogStateException("The clarification has no saved choices.");
        if (result is PromptResult { Succeeded: true, Value: int index } && index < state.DialogIds.Count
            && dc.Dialogs.Contains(state.DialogIds[index]))
        {
            return await dc.ReplaceDialogAsync(state.DialogIds[index], null, cancellationToken);
        }

        return await dc.ReplaceDialogAsync(SystemTexts.NotUnderstoodDialog, null, cancellationToken);
    }
}
