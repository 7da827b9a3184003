using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Wakes this instance's WebSocket streams when their conversation gets new activities, written here or, told by
/// <see cref="DirectLineRedisBackplane"/>, by another instance. The stream then reads the store from its watermark, so
/// nothing is lost if a signal is missed: streams also poll the store (<see cref="DirectLineOptions.StreamPollSeconds"/>).
/// </summary>
internal sealed class DirectLineBroadcaster
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<bool>>> _subscribers = new();

    public (Guid Id, ChannelReader<bool> Signals) Subscribe(string conversationId)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        _subscribers.GetOrAdd(conversationId, _ => new()).TryAdd(id, channel);
        return (id, channel.Reader);
    }

    public void Unsubscribe(string conversationId, Guid id)
    {
        if (_subscribers.TryGetValue(conversationId, out var set))
        {
            set.TryRemove(id, out _);
        }
    }

    public void Notify(string conversationId)
    {
        if (_subscribers.TryGetValue(conversationId, out var set))
        {
            foreach (var channel in set.Values)
            {
                channel.Writer.TryWrite(true);
            }
        }
    }
}
