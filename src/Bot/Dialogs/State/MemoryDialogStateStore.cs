using System.Collections.Concurrent;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

/// <summary>State in the process: one lock per conversation, JSON copies so a turn never shares objects with another.</summary>
internal sealed class MemoryDialogStateStore : IDialogStateStore
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> _conversations = new();
    private readonly ConcurrentDictionary<string, string> _users = new();
    private readonly Lock _userLock = new();

    public async Task<ConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await _locks.GetOrAdd(conversationKey, _ => new SemaphoreSlim(1, 1)).WaitAsync(cancellationToken);
        var (json, etag) = _conversations.GetValueOrDefault(conversationKey, ("{}", ""));
        return new ConversationLease(conversationKey, "memory", etag, StateJson.Read<ConversationData>(json));
    }

    public Task SaveAsync(ConversationLease lease, ConversationData data, CancellationToken cancellationToken)
    {
        _conversations[lease.Key] = (StateJson.Write(data), StateJson.NewETag());
        _locks[lease.Key].Release();
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(ConversationLease lease)
    {
        _locks[lease.Key].Release();
        return Task.CompletedTask;
    }

    public Task<bool> UpdateUserAsync(string userKey, Func<UserData, bool> update, CancellationToken cancellationToken)
    {
        lock (_userLock)
        {
            var data = StateJson.Read<UserData>(_users.GetValueOrDefault(userKey));
            if (!update(data))
            {
                return Task.FromResult(false);
            }

            _users[userKey] = StateJson.Write(data);
            return Task.FromResult(true);
        }
    }
}
