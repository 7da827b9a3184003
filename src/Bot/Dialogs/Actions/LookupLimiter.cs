using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Limits;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// Caps account look-ups (identifier, e-mail, reset link), and so the mails they cause, per person and per target within
/// <see cref="DialogsOptions.LookupWindowMinutes"/>: per conversation (kept in its state), per sender (an SMS number, a
/// channel's user id), per client address (the HTTP client that posted a Web Chat turn, whatever its tokens and
/// conversations: Direct Line hands a new user id to every token) and per target (the same e-mail or identifier, whoever
/// asks). All but the conversation's are counted in the directory's database under keyed hashes, so they hold across
/// instances and restarts and never keep an address. A target is counted whether or not an account has it, so a
/// refusal tells nothing about accounts.
/// </summary>
internal sealed class LookupLimiter(RateLimitCounters counters, CaseLinks keys, IOptions<DialogsOptions> options)
{
    /// <param name="kind">What the target is (<c>adresse</c>, <c>identifiant</c>); each kind has its own counts.</param>
    /// <param name="target">What is looked up, normalized; null when it cannot name an account (nothing is counted for it).</param>
    public async Task<bool> TryConsumeAsync(TurnContext turn, string kind, string? target, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = turn.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = TimeSpan.FromMinutes(settings.LookupWindowMinutes);
        var conversation = turn.Conversation.Lookups;
        conversation.RemoveAll(t => t <= now - (long)window.TotalMilliseconds);
        if (conversation.Count >= settings.LookupsPerConversation)
        {
            return false;
        }

        // The asker's limits first: a refused asker does not spend the target's budget.
        (string Name, string? Value, int Limit)[] limits =
        [
            ("recherche-expediteur", turn.UserKey, settings.LookupsPerSender),
            ("recherche-client", turn.ClientAddress, settings.LookupsPerClientAddress),
            ("recherche-" + kind, target, settings.LookupsPerTarget),
        ];
        foreach (var (name, value, limit) in limits)
        {
            if (keys.RequesterKey(name, value) is { } hash
                && !(await counters.TryTakeAsync(name + ":" + hash, limit, window, cancellationToken)).Allowed)
            {
                return false;
            }
        }

        conversation.Add(now);
        return true;
    }
}
