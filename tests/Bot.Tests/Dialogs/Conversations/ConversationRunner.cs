using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Tests.Dialogs.Conversations;

/// <summary>
/// Plays conversations through the real engine of one <see cref="BotTestHost"/>. Conversations are independent by
/// conversation id and sender (a new pair per run, a new mobile number by SMS); the directory's cases and limit counters,
/// the only state they share (case limits per day, the same request merged within 24 h, look-ups of the same demo
/// account), are deleted before each run.
/// </summary>
internal sealed partial class ConversationRunner(BotTestHost host)
{
    private int _runs;

    public async Task<ConversationRun> RunAsync(ConversationScript script, string channel, CancellationToken cancellationToken)
    {
        var run = new ConversationRun(script, channel);
        var number = Interlocked.Increment(ref _runs);
        var sms = channel == ConversationScript.SmsChannel;
        var sender = sms ? $"+3361{number:D7}" : $"parent-eval-{number}";
        var conversation = sms ? sender : $"eval-{number}-{Guid.NewGuid():N}";
        await DeleteSharedStateAsync(cancellationToken);
        try
        {
            if (!sms)
            {
                // Web Chat opens the conversation before the parent writes: the welcome is not checked.
                await ExchangeAsync(Join(sender), sms, sender, conversation, cancellationToken);
            }

            string? reference = null;
            foreach (var turn in script.Turns.Where(t => t.RunsOn(channel)))
            {
                var text = turn.Parent;
                if (text is not null && text.Contains("{reference}", StringComparison.Ordinal))
                {
                    if (reference is null)
                    {
                        run.Lines.Add("parent > " + text);
                        run.Problem($"{turn.Position}: no case reference (SB-…) was given earlier in the conversation for « {{reference}} ».");
                        continue;
                    }

                    text = text.Replace("{reference}", reference, StringComparison.Ordinal);
                }

                run.Lines.Add(turn.Join ? "parent > (opens the chat page again)" : "parent > " + text);
                var replies = await ExchangeAsync(turn.Join ? Join(sender) : new Activity { Type = ActivityTypes.Message, Text = text },
                    sms, sender, conversation, cancellationToken);
                foreach (var reply in replies)
                {
                    run.Lines.Add("bot    < " + reply.Replace("\n", "\n             ", StringComparison.Ordinal));
                }

                reference = References().Matches(string.Join("\n", replies)).LastOrDefault()?.Value ?? reference;
                Check(turn, replies, run);
            }

            if (script.Cases is { } expected)
            {
                await CheckCasesAsync(expected, run, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Problem($"the engine threw {e.GetType().Name}: {e.Message}");
        }

        return run;
    }

    private static void Check(ScriptTurn turn, IReadOnlyList<string> replies, ConversationRun run)
    {
        var said = ReplyText.Normalize(string.Join("\n", replies));
        foreach (var anyOf in turn.Expect.Where(a => !a.Any(f => ReplyText.Contains(said, f))))
        {
            run.Problem($"{turn.Position}: expected {Quote(anyOf, " or ")}{(replies.Count == 0 ? " (the bot said nothing)" : "")}");
        }

        foreach (var fragment in turn.Refuse.Where(f => ReplyText.Contains(said, f)))
        {
            run.Problem($"{turn.Position}: refused « {fragment} » was said");
        }
    }

    private async Task CheckCasesAsync(IReadOnlyList<ExpectedCase> expected, ConversationRun run, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var found = (await db.DirectorCases.Include(c => c.School).ToListAsync(cancellationToken))
            .Select(c => new ExpectedCase(c.Kind, c.School?.Uai))
            .ToList();
        var missing = expected.ToList();
        var extra = found.Where(f => !missing.Remove(f)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            run.Problem($"cases: expected {Describe(expected)}, the directory holds {Describe(found)}");
        }

        static string Describe(IReadOnlyList<ExpectedCase> cases) => cases.Count == 0 ? "none" : string.Join(", ", cases);
    }

    private async Task DeleteSharedStateAsync(CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.RateLimitCounters.ExecuteDeleteAsync(cancellationToken);
        await db.DirectorCaseEvents.ExecuteDeleteAsync(cancellationToken);
        await db.DirectorCases.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>One turn through the engine, as a channel sends it; the replies as the parent reads them (web buttons included).</summary>
    private async Task<IReadOnlyList<string>> ExchangeAsync(Activity activity, bool sms, string sender, string conversation,
        CancellationToken cancellationToken)
    {
        activity.Id = Guid.NewGuid().ToString("N");
        activity.ChannelId = sms ? Channels.Sms : Channels.Web;
        activity.From = new ChannelAccount(sender, "Parent", "user");
        activity.Recipient = new ChannelAccount("supportbot", "SupportBot", "bot");
        activity.Conversation = new ConversationAccount(conversation);
        activity.Locale = "fr-FR";
        var replies = await host.Engine.ProcessAsync(activity, cancellationToken: cancellationToken);
        return [.. replies.Where(r => r.Type == ActivityTypes.Message).Select(Shown)];

        static string Shown(Activity reply) => reply.SuggestedActions is { Actions.Count: > 0 } buttons
            ? $"{reply.Text}\n[{string.Join("] [", buttons.Actions.Select(a => a.Title))}]"
            : reply.Text ?? "";
    }

    private static Activity Join(string sender) => new() { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount(sender, "Parent")] };

    private static string Quote(IReadOnlyList<string> fragments, string separator) =>
        string.Join(separator, fragments.Select(f => $"« {f} »"));

    [GeneratedRegex(@"SB-[A-Z0-9]{6}")]
    private static partial Regex References();
}
