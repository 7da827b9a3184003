using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs;

/// <summary>
/// The bot's logic for one turn: commands (« menu », « annuler »...) and case references from anywhere; then the question
/// waiting, if the message answers it (or gives a value its step takes); else the paths the message asks for
/// (<see cref="SubjectReader"/>), started with the values of the message they can use, a second one kept to offer when
/// the first ends; an interjection (out of scope) said in passing. Unsure → a clarification menu; two messages in a row
/// not understood at all → the menu and a person. A saved step that no longer exists restarts at the menu with an apology.
/// </summary>
internal sealed partial class DialogBot(DialogSet dialogs, DialogCatalog catalog, IIntentRecognizer intents, SubjectReader subjects)
{
    private const double ClarificationMinScore = 0.10;
    private const int MaxMisunderstandings = 2;

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(dialogs, turn, turn.Conversation.Stack);
        try
        {
            await DispatchAsync(dc, turn, cancellationToken);
            await OfferOtherSubjectAsync(dc, turn, cancellationToken);
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
        var conversation = turn.Conversation;
        conversation.Greeted = true;
        var text = (activity.Text ?? "").Trim();
        var reading = turn.Reading = new MessageReading(turn, text, intents, dialogs);

        // A case reference is unambiguous: whatever was going on, the parent asks where that case stands.
        if (CaseReference.Find(text) is { } reference)
        {
            await RestartAsync(dc, turn, SystemTexts.CaseStatusDialog, new Dictionary<string, string> { ["reference"] = reference }, cancellationToken);
            return;
        }

        if (catalog.Commands.TryGetValue(ChoicePrompt.Normalize(text), out var command))
        {
            await RestartAsync(dc, turn, command, null, cancellationToken);
            return;
        }

        if (dc.ActiveDialog is { } active && dialogs.Find(active.Id) is IPrompt prompt)
        {
            await AnswerAsync(dc, turn, reading, prompt, active, cancellationToken);
            return;
        }

        if (dc.ActiveDialog is not null && (await dc.ContinueDialogAsync(cancellationToken)).Status != DialogTurnStatus.Empty)
        {
            return;
        }

        if (subjects.Read(reading, conversation.Topic) is { Count: > 0 } asked)
        {
            conversation.Misunderstandings = 0;
            await BeginSubjectsAsync(dc, turn, reading, asked, cancellationToken);
            return;
        }

        await MisunderstoodLog.RecordAsync(turn, cancellationToken);
        if (++conversation.Misunderstandings >= MaxMisunderstandings)
        {
            conversation.Misunderstandings = 0;
            await dc.BeginDialogAsync(SystemTexts.NotUnderstoodDialog, null, cancellationToken);
            return;
        }

        // Only paths with some likelihood are offered; below that the clarification offers the menu alone rather than
        // paths unrelated to what the parent wrote.
        var candidates = reading.Intent.Ranking.Where(r => r.Score >= ClarificationMinScore).Select(r => r.Intent).ToList();
        await dc.BeginDialogAsync(ClarifyDialog.DefaultId, candidates, cancellationToken);
    }

    /// <summary>
    /// A question waits. A thanks or a goodbye that does not answer it (« ok merci » acknowledges, « oui merci » accepts)
    /// closes the conversation. Answered (or given a value its step takes): the question's step goes on. Otherwise the
    /// message may ask for another path (« en fait, c'est mon mot de passe »), which replaces the current one — small talk
    /// never does, an interjection is said in passing; or ask again, right after its answer, for the path that asks
    /// (« et si le code a expiré ? »), which then answers again; or it may not be understood at all, and the second such
    /// message in a row ends the question as failed (its <c>on-failure</c>, else the menu and a person).
    /// </summary>
    private async Task AnswerAsync(DialogContext dc, TurnContext turn, MessageReading reading, IPrompt prompt, DialogInstance active,
        CancellationToken cancellationToken)
    {
        var conversation = turn.Conversation;
        var answer = prompt.Read(turn, active);
        if (SaysGoodbye(reading, prompt, active, answer))
        {
            await RestartAsync(dc, turn, catalog.IntentRoutes[Intents.Remerciement], null, cancellationToken);
            return;
        }

        // A refused answer of the expected kind (an e-mail where the identifier is asked) answers the question, even when
        // the words of an address also look like a path's.
        var asked = answer is PromptReading.Answer or PromptReading.Mistaken ? [] : subjects.Read(reading, conversation.Topic);

        // A menu's entry guessed from one of its words gives way to the path the message clearly asks for: « je n'ai pas
        // de téléphone portable » holds the « téléphone » of « Numéro de téléphone refusé ».
        if (answer is PromptReading.Guess && asked is [var first, ..] && !SubjectReader.SmallTalk.Contains(first.Intent)
            && prompt is ChoicePrompt choice && choice.Guessed(turn, active)?.Leads is { } leads
            && (leads != first.DialogId || reading.Hear(catalog.Dialogs[leads].Hears) is not null))
        {
            // (Or it leads there, and the message also gives values that path takes: the path begins with them, as if
            // asked without the menu — « j'ai perdu mon identifiant, mon mail c'est … ».)
            answer = PromptReading.Nothing;
        }

        // A choice guessed from one word of a longer message gives way only to a message asking for two paths.
        if (answer is PromptReading.Answer || (answer is PromptReading.Guess && asked.Count < 2))
        {
            conversation.Misunderstandings = 0;
            await dc.ContinueDialogAsync(cancellationToken);
            return;
        }

        if (asked.Count > 0 && !dc.Stack.Any(i => i.Id == asked[0].DialogId))
        {
            if (catalog.Dialogs[asked[0].DialogId].Interjection)
            {
                conversation.Misunderstandings = 0;
                await dc.BeginDialogAsync(asked[0].DialogId, null, cancellationToken);
                return;
            }

            if (!SubjectReader.SmallTalk.Contains(asked[0].Intent))
            {
                await RestartAsync(dc, turn, null, null, cancellationToken);
                await BeginSubjectsAsync(dc, turn, reading, asked, cancellationToken);
                return;
            }
        }

        // The path's own follow-up question (a yes/no, a choice), met by the path's subject again: the parent asks more
        // about what was just said, and the path answers again rather than repeating its question.
        if (asked.Count > 0 && dc.Stack.Count >= 2 && dc.Stack[^2].Id == asked[0].DialogId && prompt is ConfirmPrompt or ChoicePrompt)
        {
            await RestartAsync(dc, turn, null, null, cancellationToken);
            await BeginSubjectsAsync(dc, turn, reading, asked, cancellationToken);
            return;
        }

        // A refused answer of the right kind, small talk, a path already running: understood, though the question stays.
        if (answer is PromptReading.Mistaken || asked.Count > 0 || !reading.Intent.IsUnsure)
        {
            conversation.Misunderstandings = 0;
        }
        else
        {
            await MisunderstoodLog.RecordAsync(turn, cancellationToken);
            if (++conversation.Misunderstandings >= MaxMisunderstandings)
            {
                conversation.Misunderstandings = 0;
                await dc.EndDialogAsync(PromptResult.Failed, cancellationToken);
                return;
            }
        }

        await dc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>
    /// Thanks or a goodbye (« merci », « c'est bon », « laissez tomber ») while a question waits, when the question does
    /// not listen for it itself and the message does not answer it: no value, no choice, no « oui » — a « ok » or a
    /// « d'accord » only acknowledges. A free-text question (a name) takes any words, so there the thanks wins.
    /// </summary>
    private static bool SaysGoodbye(MessageReading reading, IPrompt prompt, DialogInstance active, PromptReading answer)
    {
        if (reading.Intent is not { IsUnsure: false, Intent: Intents.Remerciement }
            || prompt.Options(active) is not { } options || options.Intents?.Contains(Intents.Remerciement) == true
            || (options.Hears is { Count: > 0 } hears && reading.Hear(hears) is not null))
        {
            return false;
        }

        return answer switch
        {
            PromptReading.Answer => (prompt is TextPrompt or NamePrompt && !AnswersBesideThanks(reading))
                || (prompt is ConfirmPrompt && FrenchYesNo.IsAcknowledgement(reading.Text) && ThanksWord().IsMatch(FrenchText.Fold(reading.Text))),
            _ => true,
        };
    }

    /// <summary>
    /// A free-text answer with a thanks around it (« c'est jean charcot à guichen, merci »): once the courtesy words are
    /// set aside, two words or more remain that are not themselves a goodbye (« je verrai avec la maîtresse »).
    /// </summary>
    private static bool AnswersBesideThanks(MessageReading reading)
    {
        var rest = FrenchText.Fold(reading.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !CourtesyWords.Contains(w)).ToList();
        return rest.Count >= 2 && reading.Part(string.Join(' ', rest)).Intent is not { IsUnsure: false, Intent: Intents.Remerciement };
    }

    // « ok » alone at a yes/no question is a yes; « ok merci », « d'accord c'est bon » take leave.
    [GeneratedRegex(@"\b(?:merci|mercii|revoir|bonne (?:journee|soiree)|c est bon|c bon|bye|laissez tomber|tant pis|trouve|cordialement)\b")]
    private static partial Regex ThanksWord();

    private static readonly HashSet<string> CourtesyWords =
    [
        "merci", "mercii", "beaucoup", "bcp", "ok", "okay", "oki", "d", "accord", "dac", "top", "super", "parfait", "bien",
        "au", "revoir", "bonne", "journee", "soiree", "cordialement", "svp", "stp", "s", "il", "vous", "plait", "bonjour",
        "bjr", "salut", "et", "encore", "c", "est", "bon", "a", "bientot", "infiniment", "bye",
    ];

    /// <summary>Leaves whatever was going on (and any subject set aside) for <paramref name="dialogId"/>, when given.</summary>
    private static async Task RestartAsync(DialogContext dc, TurnContext turn, string? dialogId, object? options, CancellationToken cancellationToken)
    {
        turn.Conversation.Misunderstandings = 0;
        turn.Conversation.OtherSubject = null;
        await dc.CancelAllDialogsAsync();
        if (dialogId is not null)
        {
            await dc.BeginDialogAsync(dialogId, options, cancellationToken);
        }
    }

    /// <summary>
    /// The path asked, with the values of the message it can use. Two paths: what one of them only has to say is said at
    /// once, the other then runs — a path that only informs (its messages, then « autre chose ? ») first, else what the
    /// second says before asking anything; the second waits for the first to end, offered then, only when it has more
    /// to do than inform (a mail to send, a case to open), with the values the first does not take (an address given with
    /// « identifiant et mot de passe oubliés » is the identifier's: the password path must not send the identifier a
    /// second time).
    /// </summary>
    private async Task BeginSubjectsAsync(DialogContext dc, TurnContext turn, MessageReading reading, IReadOnlyList<SubjectReader.Subject> asked,
        CancellationToken cancellationToken)
    {
        var path = catalog.Dialogs[asked[0].DialogId];
        DialogDocument? waiting = null;
        if (asked.Count > 1)
        {
            var second = catalog.Dialogs[asked[1].DialogId];
            var (first, informsOnly) = path.Opening(turn.IsSms, SystemTexts.AnythingElseDialog, catalog.Texts);
            if (informsOnly && first.Count > 0)
            {
                await SayAsync(turn, first, cancellationToken);
                path = second;
            }
            else
            {
                var (opening, _) = second.Opening(turn.IsSms, SystemTexts.AnythingElseDialog, catalog.Texts);
                await SayAsync(turn, opening, cancellationToken);
                waiting = opening.Count == 0 || second.Acts ? second : null;
            }
        }

        turn.Conversation.OtherSubject = waiting is null
            ? null
            : new OtherSubject(waiting.Id, reading.Hear(waiting.Hears.Where(p => !path.Hears.Contains(p))) ?? []);
        var heard = reading.Hear(path.Hears);
        await dc.BeginDialogAsync(path.Id, heard is null ? null : new HeardValues(heard), cancellationToken);
    }

    private static async Task SayAsync(TurnContext turn, IEnumerable<MessageText> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await turn.SendAsync(message, null, cancellationToken);
        }
    }

    /// <summary>
    /// A path ended without <c>autre-chose</c> (at <c>fin</c>) while another subject waits: <c>autre-chose</c> offers it.
    /// Once only: if that dialog does not offer it, the subject is dropped rather than offered at every end.
    /// </summary>
    private static async Task OfferOtherSubjectAsync(DialogContext dc, TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message || dc.ActiveDialog is not null || turn.Conversation.OtherSubject is not { } subject)
        {
            return;
        }

        turn.Conversation.OtherSubject = subject.Offered ? null : subject with { Offered = true };
        if (!subject.Offered)
        {
            await dc.BeginDialogAsync(SystemTexts.AnythingElseDialog, null, cancellationToken);
        }
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
}
