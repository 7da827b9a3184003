using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Prompts;
using SupportBot.Bot.Dialogs.Stack;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;
using SupportBot.Bot.Schools;

namespace SupportBot.Bot.Dialogs;

/// <summary>
/// Finds the child's school from what the parent writes, as <see cref="SchoolSearch"/> reads it: one school → « Il s'agit
/// bien de ... ? »; a few → a choice with name and commune, and « Aucune de ces écoles »; a name many schools share → the
/// commune is asked, a commune with many schools → the name; then the search runs on both answers together. After two
/// misses (nothing found, « non », « aucune »), the parent is told that the académie's assistance will route the request,
/// with their own words. Ends with a <see cref="PromptResult"/> holding a <see cref="SchoolAnswer"/>.
/// </summary>
internal sealed class SchoolDialog(DialogCatalog catalog, SchoolSearch search) : Dialog(DefaultId), IValuePrompt
{
    public const string DefaultId = "ecole";
    private const int MaxMisses = 2;

    // Narrowing questions do not count as misses; this bounds a conversation that keeps narrowing anyway.
    private const int MaxRounds = 5;

    internal enum Phase
    {
        Describe,
        Narrow,
        Confirm,
        Choose,
    }

    internal sealed record SchoolPick(string Uai, string Name, string? Commune);

    internal sealed record SchoolState(Phase Phase, string Pending, List<string> Words, int Misses, int Rounds, List<SchoolPick> Offered);

    /// <summary>What the parent wrote (all answers) and the school they confirmed, or null: the académie routes the case.</summary>
    internal sealed record SchoolAnswer(string Words, SchoolPick? School);

    /// <summary>The question, and the words naming the school heard before it was asked, if any.</summary>
    internal sealed record Question(MessageText Text, string? Heard);

    /// <summary>The words that name a school in a message (<see cref="FrenchMentions.School"/>).</summary>
    public string? Hear(TurnContext turn, string text) => FrenchMentions.School(text);

    /// <summary>
    /// Words heard before are searched at once: a school found is confirmed or chosen as if they answered the question;
    /// nothing found, the question is asked (no miss counted: the parent was not asked yet).
    /// </summary>
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var question = options as Question ?? throw new ArgumentException("The school dialog needs its question.", nameof(options));
        var state = new SchoolState(Phase.Describe, "", [], 0, 0, []);
        DialogContext.SetState(dc.ActiveDialog!, state);
        if (question.Heard is { } heard && await search.FindAsync(heard, cancellationToken) is { Decision: SchoolDecision.One or SchoolDecision.Choose } found)
        {
            return await DecideAsync(dc, state with { Words = [heard], Rounds = 1 }, heard, found, cancellationToken);
        }

        return await dc.BeginDialogAsync(TextPrompt.DefaultId, new PromptOptions(question.Text), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var state = DialogContext.GetState<SchoolState>(instance) ?? throw new StaleDialogStateException("The school dialog has no saved state.");
        var prompt = result as PromptResult;
        switch (state.Phase)
        {
            case Phase.Describe or Phase.Narrow when prompt is { Succeeded: true, Value: string text }:
                return await SearchAsync(dc, state, text, cancellationToken);
            case Phase.Confirm when prompt is { Succeeded: true, Value: true }:
                return await dc.EndDialogAsync(Answer(state, state.Offered[0]), cancellationToken);
            case Phase.Choose when prompt is { Succeeded: true, Value: int index } && index < state.Offered.Count:
                return await dc.EndDialogAsync(Answer(state, state.Offered[index]), cancellationToken);
            case Phase.Describe or Phase.Narrow:
                return await ToAcademieAsync(dc, state, cancellationToken);
            default:
                return await MissAsync(dc, state, CaseTexts.EcoleReessayer, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> SearchAsync(DialogContext dc, SchoolState state, string text, CancellationToken cancellationToken)
    {
        var words = new List<string>(state.Words) { text };
        var query = state.Phase == Phase.Narrow ? state.Pending + " " + text : text;
        state = state with { Words = words, Rounds = state.Rounds + 1 };
        return await DecideAsync(dc, state, query, await search.FindAsync(query, cancellationToken), cancellationToken);
    }

    private async Task<DialogTurnResult> DecideAsync(DialogContext dc, SchoolState state, string query, SchoolSearchResult found,
        CancellationToken cancellationToken)
    {
        var texts = catalog.Texts;
        switch (found.Decision)
        {
            case SchoolDecision.One:
                var school = Pick(found.Candidates[0].School);
                Save(dc, state with { Phase = Phase.Confirm, Offered = [school] });
                var question = texts.Get(CaseTexts.EcoleConfirmer).Format(new Dictionary<string, string>
                {
                    ["ecole-designation"] = CaseDescription.Designation(school.Name),
                    ["ecole-commune"] = school.Commune ?? "",
                });
                return await dc.BeginDialogAsync(ConfirmPrompt.DefaultId, new PromptOptions(question, question,
                    [new ChoiceOption(texts.Get(SystemTexts.Yes)), new ChoiceOption(texts.Get(SystemTexts.No))], MaxAttempts: 2), cancellationToken);

            case SchoolDecision.Choose:
                var offered = found.Candidates.Select(c => Pick(c.School)).ToList();
                Save(dc, state with { Phase = Phase.Choose, Offered = offered });
                var none = texts.Get(CaseTexts.EcoleAucune);
                var choices = offered.Select(s => new ChoiceOption(Label(s, none.Position), [s.Name])).Append(new ChoiceOption(none)).ToList();
                var choose = texts.Get(CaseTexts.EcoleChoisir);
                return await dc.BeginDialogAsync(ChoicePrompt.DefaultId, new PromptOptions(choose, choose, choices, MaxAttempts: 2), cancellationToken);

            case SchoolDecision.None when found.Need == SchoolNeed.Commune && state.Phase == Phase.Describe && state.Rounds < MaxRounds:
                Save(dc, state with { Phase = Phase.Narrow, Pending = query });
                return await dc.BeginDialogAsync(TextPrompt.DefaultId, new PromptOptions(texts.Get(CaseTexts.EcoleQuelleCommune)), cancellationToken);

            case SchoolDecision.None when found.Need == SchoolNeed.Name && state.Phase == Phase.Describe && state.Rounds < MaxRounds:
                Save(dc, state with { Phase = Phase.Narrow, Pending = query });
                var name = texts.Get(CaseTexts.EcoleQuelNom).Format(new Dictionary<string, string> { ["commune"] = found.Commune ?? "" });
                return await dc.BeginDialogAsync(TextPrompt.DefaultId, new PromptOptions(name), cancellationToken);

            default:
                return await MissAsync(dc, state, CaseTexts.EcolePasTrouvee, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> MissAsync(DialogContext dc, SchoolState state, string retry, CancellationToken cancellationToken)
    {
        state = state with { Misses = state.Misses + 1, Phase = Phase.Describe, Pending = "", Offered = [] };
        if (state.Misses >= MaxMisses || state.Rounds >= MaxRounds)
        {
            return await ToAcademieAsync(dc, state, cancellationToken);
        }

        Save(dc, state);
        return await dc.BeginDialogAsync(TextPrompt.DefaultId, new PromptOptions(catalog.Texts.Get(retry)), cancellationToken);
    }

    private async Task<DialogTurnResult> ToAcademieAsync(DialogContext dc, SchoolState state, CancellationToken cancellationToken)
    {
        await dc.Turn.SendAsync(catalog.Texts.Get(CaseTexts.EcoleAcademie), null, cancellationToken);
        return await dc.EndDialogAsync(Answer(state, null), cancellationToken);
    }

    private static PromptResult Answer(SchoolState state, SchoolPick? school) => new(true, new SchoolAnswer(string.Join(" / ", state.Words), school));

    private static SchoolPick Pick(SchoolEntry school) => new(school.Uai, school.Name, school.Commune);

    private static MessageText Label(SchoolPick school, SourcePosition position)
    {
        var label = school.Commune is { Length: > 0 } commune ? $"{school.Name} ({commune})" : school.Name;
        return new MessageText(label, label, position);
    }

    private static void Save(DialogContext dc, SchoolState state) => DialogContext.SetState(dc.ActiveDialog!, state);
}
