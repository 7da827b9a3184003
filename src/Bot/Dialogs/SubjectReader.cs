using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Language;

namespace SupportBot.Bot.Dialogs;

/// <summary>
/// The paths a parent's message asks for, in the order written: usually one, from the whole message's intent; two when
/// its clauses (<see cref="FrenchClauses"/>) each clearly ask for a different path (« pas reçu le code sms et je peux
/// appeler qui ? »). A clause that only gives a value another subject's path takes (« j'ai oublié mon mot de passe, mon
/// identifiant c'est v.durant1 ») belongs to that subject: it is not a subject of its own, and it no longer blurs the
/// whole message's intent.
/// </summary>
internal sealed class SubjectReader(DialogCatalog catalog)
{
    internal sealed record Subject(string Intent, string DialogId);

    /// <summary>Intents that are not problems: they never interrupt a path, nor count as a second subject.</summary>
    public static IReadOnlySet<string> SmallTalk { get; } = new HashSet<string> { Intents.Salutation, Intents.Remerciement, Intents.HorsPerimetre };

    private const int MaxSubjects = 2;


    /// <summary>The lowest score at which the conversation's topic, among a short message's likely intents, is taken as its subject.</summary>
    private const double TopicMinScore = 0.10;

    /// <param name="topic">
    /// The path the conversation is about (<see cref="Turns.ConversationData.Topic"/>): a message unsure on its own whose
    /// likely intents include that path's is about it (« et si c'est dépassé ? » after the SMS code).
    /// </param>
    public IReadOnlyList<Subject> Read(MessageReading reading, string? topic)
    {
        var asked = Read(reading);
        if (asked.Count > 0 || !reading.Intent.IsUnsure || topic is null || !catalog.Dialogs.TryGetValue(topic, out var dialog))
        {
            return asked;
        }

        return reading.Intent.Ranking.FirstOrDefault(r => r.Score >= TopicMinScore && dialog.Intents.Contains(r.Intent)) is { } likely
            ? [new Subject(likely.Intent, topic)]
            : [];
    }

    public IReadOnlyList<Subject> Read(MessageReading reading)
    {
        // Clauses are recognised one by one only when the message has several: most messages cost one recognition.
        var clauses = FrenchClauses.Split(reading.Text);
        if (clauses.Count > 1)
        {
            var found = new List<(Subject Subject, MessageReading Clause)>();
            foreach (var clause in clauses.Select(reading.Part))
            {
                if (Route(clause.Intent) is { } subject && !SmallTalk.Contains(subject.Intent) && found.All(f => f.Subject.DialogId != subject.DialogId))
                {
                    found.Add((subject, clause));
                }
            }

            if (found.Count > 1)
            {
                var kept = found.Where(f => !GivesValueOnly(f.Subject, f.Clause, found.Select(o => o.Subject))).Select(f => f.Subject).ToList();

                // A path that offers another among its choices is that one's context, not a second problem: « je
                // m'inscris et le code sms n'arrive pas » is the SMS code, « pas reçu le code sms et je peux appeler
                // qui ? » two problems.
                kept = [.. kept.Where(k => !kept.Any(other => other != k && Offers(k.DialogId, other.DialogId)))];

                // An overview (creating the account, with its difficulties to choose from) beside a specific problem is
                // that problem's background: « le mot de passe provisoire est refusé et j'ai jamais activé mon compte ».
                if (kept.Any(k => !IsOverview(k.DialogId)))
                {
                    kept = [.. kept.Where(k => !IsOverview(k.DialogId))];
                }

                // The whole message's reading, when sure and one of them, comes first: the clauses are its details
                // (« on m'a donné un identifiant et un code provisoire, mais j'ai perdu le code »).
                if (Route(reading.Intent) is { } sure && kept.IndexOf(sure) > 0)
                {
                    kept.Remove(sure);
                    kept.Insert(0, sure);
                }

                if (kept.Count > 0)
                {
                    return [.. kept.Take(MaxSubjects)];
                }
            }

            // A problem beats the small talk around it: « merci, mais le code n'arrive toujours pas ».
            if (found.Count == 1 && (Route(reading.Intent) is not { } whole || SmallTalk.Contains(whole.Intent)))
            {
                return [found[0].Subject];
            }
        }

        return Route(reading.Intent) is { } one ? [one] : [];
    }

    /// <summary>Whether a choice of <paramref name="dialogId"/> leads to <paramref name="other"/>.</summary>
    private bool Offers(string dialogId, string other) =>
        catalog.Dialogs[dialogId].Steps.Where(s => s.Kind.Kind == "choice").SelectMany(s => s.Targets).Any(t => t.DialogId == other);

    /// <summary>A path whose choices lead to several others: an overview of a theme rather than a problem's answer.</summary>
    private bool IsOverview(string dialogId) =>
        catalog.Dialogs[dialogId].Steps.Where(s => s.Kind.Kind == "choice").SelectMany(s => s.Targets)
            .Select(t => t.DialogId).OfType<string>().Where(d => catalog.Dialogs.TryGetValue(d, out var path) && path.Intents.Count > 0)
            .Distinct().Count() >= OverviewPaths;

    private const int OverviewPaths = 4;

    private Subject? Route(IntentPrediction prediction) =>
        prediction is { IsUnsure: false, Intent: { } intent } && catalog.IntentRoutes.TryGetValue(intent, out var dialogId)
            ? new Subject(intent, dialogId)
            : null;

    /// <summary>The clause holds a value of a kind another subject's path takes and its own path does not.</summary>
    private bool GivesValueOnly(Subject subject, MessageReading clause, IEnumerable<Subject> subjects)
    {
        var own = catalog.Dialogs[subject.DialogId].Hears;
        var others = subjects.Where(s => s != subject).SelectMany(s => catalog.Dialogs[s.DialogId].Hears).Where(p => !own.Contains(p)).Distinct();
        return clause.Hear(others) is not null;
    }
}
