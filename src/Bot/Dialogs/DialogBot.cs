using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Activities;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs;

/// <summary>
/// The bot's logic for one turn: commands (« menu », « annuler »...) from anywhere, then the active dialog, then
/// routing by intent; unsure → a clarification menu, twice in a row → the menu and a person. A saved step that no
/// longer exists restarts at the menu with an apology.
/// </summary>
internal sealed class DialogBot(DialogSet dialogs, DialogCatalog catalog, IIntentRecognizer intents)
{
    private const double ClarificationMinScore = 0.10;

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(dialogs, turn, turn.Conversation.Stack);
        try
        {
            await DispatchAsync(dc, turn, cancellationToken);
        }
        catch (StaleDialogStateException)
        {
            await dc.CancelAllDialogsAsync();
            await turn.SendAsync(catalog.Texts.Get(SystemTexts.StaleState), null, cancellationToken);
            await dc.BeginDialogAsync(SystemTexts.MenuDialog, null, cancellationToken);
        }
    }

    private async Task DispatchAsync(DialogContext dc, TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true:
            // Web Chat's usual way to have the bot speak first when the page embeds it with a token; the help page sends
            // it again when the parent comes back to the conversation.
            case ActivityTypes.Event when activity.Name == "webchat/join":
                await GreetAsync(dc, turn, cancellationToken);
                return;
            case ActivityTypes.Message:
                break;
            default:
                return;
        }

        // A conversation the parent already wrote in is not welcomed as a new one when its page comes back.
        turn.Conversation.Greeted = true;
        var text = (activity.Text ?? "").Trim();

        // A case reference is unambiguous: whatever was going on, the parent asks where that case stands.
        if (CaseReference.Find(text) is { } reference)
        {
            turn.Conversation.Misunderstandings = 0;
            await dc.CancelAllDialogsAsync();
            await dc.BeginDialogAsync(SystemTexts.CaseStatusDialog, new Dictionary<string, string> { ["reference"] = reference }, cancellationToken);
            return;
        }

        if (catalog.Commands.TryGetValue(ChoicePrompt.Normalize(text), out var command))
        {
            turn.Conversation.Misunderstandings = 0;
            await dc.CancelAllDialogsAsync();
            await dc.BeginDialogAsync(command, null, cancellationToken);
            return;
        }

        // Recognised at most once, and only when needed: most messages answer the waiting prompt.
        IntentPrediction? recognized = null;
        IntentPrediction Prediction() => recognized ??= intents.Recognize(text);
        if (SwitchesPath(dc, turn, Prediction) is { } other)
        {
            turn.Conversation.Misunderstandings = 0;
            await dc.CancelAllDialogsAsync();
            await dc.BeginDialogAsync(other, null, cancellationToken);
            return;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status != DialogTurnStatus.Empty)
        {
            return;
        }

        var prediction = Prediction();
        if (!prediction.IsUnsure && prediction.Intent is { } intent && catalog.IntentRoutes.TryGetValue(intent, out var dialogId))
        {
            turn.Conversation.Misunderstandings = 0;
            await dc.BeginDialogAsync(dialogId, null, cancellationToken);
            return;
        }

        await MisunderstoodLog.RecordAsync(turn, cancellationToken);
        turn.Conversation.Misunderstandings++;
        if (turn.Conversation.Misunderstandings >= 2)
        {
            turn.Conversation.Misunderstandings = 0;
            await dc.BeginDialogAsync(SystemTexts.NotUnderstoodDialog, null, cancellationToken);
            return;
        }

        // Only paths with some likelihood are offered; below that the clarification offers the menu alone rather than
        // paths unrelated to what the parent wrote.
        var candidates = prediction.Ranking.Where(r => r.Score >= ClarificationMinScore).Select(r => r.Intent).ToList();
        await dc.BeginDialogAsync(ClarifyDialog.DefaultId, candidates, cancellationToken);
    }

    /// <summary>
    /// The welcome, once per conversation (Web Chat's join is sent again on every page load). A parent who comes back to
    /// a conversation where cases were opened is told where each stands (state and date, nothing personal), and the path
    /// they were on waits for them.
    /// </summary>
    private async Task GreetAsync(DialogContext dc, TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Conversation.Cases.Count > 0)
        {
            var cases = turn.Services.GetRequiredService<DirectorCaseService>();
            foreach (var reference in turn.Conversation.Cases.TakeLast(MaxCasesGreeted))
            {
                if (await cases.StatusAsync(reference, cancellationToken) is { } status)
                {
                    await turn.SendAsync(CaseStatusText.Describe(catalog.Texts, status), null, cancellationToken);
                }
            }
        }

        if (!turn.Conversation.Greeted)
        {
            turn.Conversation.Greeted = true;
            if (dc.ActiveDialog is null)
            {
                await dc.BeginDialogAsync(SystemTexts.WelcomeDialog, null, cancellationToken);
            }
        }
        else if (dc.ActiveDialog is null && turn.Conversation.Cases.Count > 0)
        {
            await dc.BeginDialogAsync(SystemTexts.MenuDialog, null, cancellationToken);
        }
    }

    private const int MaxCasesGreeted = 3;

    /// <summary>
    /// The parent changes subject while asked something (« en fait, c'est mon mot de passe ») : when the message does
    /// not answer the waiting prompt and clearly asks for another path, that path replaces the current one.
    /// Small talk never interrupts.
    /// </summary>
    private string? SwitchesPath(DialogContext dc, TurnContext turn, Func<IntentPrediction> prediction)
    {
        if (dc.ActiveDialog is not { } active || dialogs.Find(active.Id) is not IPrompt prompt || prompt.Recognizes(turn, active)
            || prediction() is not { IsUnsure: false, Intent: { } intent } || SmallTalk.Contains(intent)
            || !catalog.IntentRoutes.TryGetValue(intent, out var target) || dc.Stack.Any(i => i.Id == target))
        {
            return null;
        }

        return target;
    }

    private static readonly HashSet<string> SmallTalk = [Intents.Salutation, Intents.Remerciement, Intents.HorsPerimetre];
}
