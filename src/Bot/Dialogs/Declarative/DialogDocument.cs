using SupportBot.Bot.Dialogs.Declarative.Steps;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>A dialog file (schema <see cref="DialogCatalogLoader.DialogSchema"/>).</summary>
internal sealed class DialogDocument
{
    private IReadOnlySet<string>? _hears;

    public required string Id { get; init; }

    public required string File { get; init; }

    public required SourcePosition Position { get; init; }

    /// <summary>How menus and the clarification question name this path.</summary>
    public required MessageText Title { get; init; }

    public required IReadOnlyList<string> Intents { get; init; }

    /// <summary>Words that start this dialog from anywhere, cancelling the current one (« menu », « annuler »).</summary>
    public required IReadOnlyList<string> Commands { get; init; }

    /// <summary>
    /// <c>interjection: true</c>: said in passing when its intent comes while a question waits unanswered; the question is
    /// asked again after it. Such a dialog only talks (no question, no other dialog).
    /// </summary>
    public bool Interjection { get; init; }

    public required IReadOnlyList<StepNode> Steps { get; init; }

    /// <summary>
    /// The prompts whose values this dialog takes from a message it begins with: those of its ask steps that can be heard,
    /// and the kinds its <c>when-given</c> route on.
    /// </summary>
    public IReadOnlySet<string> Hears => _hears ??= Steps
        .SelectMany(s => s.Kind.WhenGiven(s).Keys.Concat(s.Kind.Asks(s) is { } asked ? [asked.Prompt] : []))
        .Where(PromptKinds.IsHeard)
        .ToHashSet(StringComparer.Ordinal);

    public StepNode? Find(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    /// <summary>The first step (in file order) asking for a value with <paramref name="prompt"/>: the one a value heard before begins with goes to.</summary>
    public AskedValue? FirstAsk(string prompt) =>
        Steps.Select(s => s.Kind.Asks(s)).FirstOrDefault(a => a is not null && a.Prompt == prompt);

    /// <summary>
    /// The question <paramref name="target"/> (a step of this file) leads to, through steps that only go on (messages): the
    /// step a value given early goes to when it asks for it with <paramref name="prompt"/>.
    /// </summary>
    public AskedValue? AskedAt(Target target, string prompt)
    {
        var step = target.IsStep ? Find(target.Value) : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (step is not null && seen.Add(step.Id))
        {
            if (step.Kind.Asks(step) is { } asked)
            {
                return asked.Prompt == prompt ? asked : null;
            }

            if (step.Kind.Waits || step.Targets.Any(t => t != step.Next))
            {
                return null;
            }

            step = Following(step);
        }

        return null;
    }

    /// <summary>
    /// The questions after <paramref name="from"/> on its straight way on (no confirm or choice between): values given
    /// early for them are kept while <paramref name="from"/> still waits for its own answer.
    /// </summary>
    public IEnumerable<AskedValue> LaterAsks(StepNode from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from.Id };
        for (var step = Following(from); step is not null && step.Kind.FallsThrough && seen.Add(step.Id); step = Following(step))
        {
            if (step.Kind.Asks(step) is { } asked)
            {
                yield return asked;
            }
        }
    }

    /// <summary>
    /// What the path says before it asks anything, on the SMS channel or not (its first <c>message</c> steps), and whether
    /// it only informs: after those messages it ends, or goes to <paramref name="anythingElse"/> (« autre chose ? »).
    /// </summary>
    public (IReadOnlyList<MessageText> Messages, bool InformsOnly) Opening(bool sms, string anythingElse, TextCatalog texts)
    {
        var messages = new List<MessageText>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var step = Steps.Count > 0 ? Steps[0] : null; step is not null && seen.Add(step.Id); step = Following(step))
        {
            if (step.Channel is { } only && Channels.IsSms(only) != sms)
            {
                continue;
            }

            if (step.Kind is not MessageStep)
            {
                return (messages, false);
            }

            messages.AddRange(step.Kind.Texts(step, texts).Select(t => t.Text));
            if (step.Next is { IsStep: false } next)
            {
                return (messages, next.IsEnd || next.DialogId == anythingElse);
            }
        }

        return (messages, true);
    }

    /// <summary>Whether the path does something (sends a mail, opens a case) rather than only informs and asks.</summary>
    public bool Acts => Steps.Any(s => s.Kind is ActionStep);

    private StepNode? Following(StepNode step) => step.Next switch
    {
        { IsStep: true } next => Find(next.Value),
        null when step.Kind.FallsThrough && step.Index + 1 < Steps.Count => Steps[step.Index + 1],
        _ => null,
    };
}
