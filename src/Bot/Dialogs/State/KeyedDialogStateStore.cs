using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

/// <summary>
/// Stores state under a keyed hash of its key: an SMS conversation's key is the parent's number (<c>sms/+336...</c>), and
/// the database must not hold it in clear. The channel stays readable (<c>sms/3f2a...</c>) for operators. The hash
/// uses the workspace links' key (<see cref="CaseLinks.RequesterKey"/>), the same on every instance.
/// </summary>
internal sealed class KeyedDialogStateStore(IDialogStateStore inner, CaseLinks links) : IDialogStateStore
{
    public Task<ConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken) =>
        inner.AcquireAsync(Key(conversationKey), cancellationToken);

    public Task SaveAsync(ConversationLease lease, ConversationData data, CancellationToken cancellationToken) =>
        inner.SaveAsync(lease, data, cancellationToken);

    public Task ReleaseAsync(ConversationLease lease) => inner.ReleaseAsync(lease);

    public Task<bool> UpdateUserAsync(string userKey, Func<UserData, bool> update, CancellationToken cancellationToken) =>
        inner.UpdateUserAsync(Key(userKey), update, cancellationToken);

    private string Key(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var channel = slash > 0 ? key[..slash] : "state";
        return $"{channel}/{links.RequesterKey("state", key)}";
    }
}
