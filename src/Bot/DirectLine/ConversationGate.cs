namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Turns of one conversation run one at a time on this instance, so that replies keep the order of the messages. A
/// conversation's lock exists only while a turn holds it or waits for it, so the map does not grow with every
/// conversation the instance has ever served.
/// </summary>
internal sealed class ConversationGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>Conversations with a turn running or waiting (what the map holds).</summary>
    public int ActiveConversations
    {
        get
        {
            lock (_sync)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_sync)
        {
            if (!_entries.TryGetValue(conversationId, out entry!))
            {
                entry = new Entry();
                _entries[conversationId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(conversationId, entry);
            throw;
        }

        return new Turn(this, conversationId, entry);
    }

    private void Leave(string conversationId, Entry entry)
    {
        lock (_sync)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(ConversationGate gate, string conversationId, Entry entry) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                entry.Semaphore.Release();
                gate.Leave(conversationId, entry);
            }
        }
    }
}
