using Microsoft.Extensions.Options;
using SupportBot.Bot.Dialogs.State;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// Caps account look-ups per conversation and per sender within a sliding window, so that the bot cannot be used to
/// test many addresses or identifiers; the sender's count is shared by all instances through the state store.
/// </summary>
internal sealed class LookupLimiter(IDialogStateStore store, IOptions<DialogsOptions> options)
{
    public async Task<bool> TryConsumeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = turn.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var since = now - settings.LookupWindowMinutes * 60_000L;
        var conversation = turn.Conversation.Lookups;
        conversation.RemoveAll(t => t <= since);
        if (conversation.Count >= settings.LookupsPerConversation)
        {
            return false;
        }

        var allowed = await store.UpdateUserAsync(turn.UserKey, user =>
        {
            user.Lookups.RemoveAll(t => t <= since);
            if (user.Lookups.Count >= settings.LookupsPerSender)
            {
                return false;
            }

            user.Lookups.Add(now);
            return true;
        }, cancellationToken);
        if (allowed)
        {
            conversation.Add(now);
        }

        return allowed;
    }
}
