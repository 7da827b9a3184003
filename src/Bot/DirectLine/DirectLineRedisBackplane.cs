using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Tells the other instances that a conversation has new activities, through Redis pub/sub (<see cref="DirectLineOptions.Redis"/>),
/// so that a reply made here reaches a WebSocket held by another instance at once instead of at its next poll of the
/// store; the usual way ASP.NET Core services scale out (SignalR's Redis backplane works the same way). A signal carries
/// only the conversation's id: the stream reads the store from its watermark, so a lost signal costs a poll, not a reply.
/// Inactive when <c>DirectLine:Redis</c> is unset.
/// </summary>
internal sealed partial class DirectLineRedisBackplane(IOptions<DirectLineOptions> options, DirectLineBroadcaster broadcaster,
    ILogger<DirectLineRedisBackplane> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>Tells this instance's own signals apart when Redis sends them back to it.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer? _redis;
    private RedisChannel _channel;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Redis))
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(options.Value.Redis);

        // The service starts even while Redis is down: streams still poll the store, and the multiplexer keeps
        // reconnecting (and subscribes again) in the background.
        configuration.AbortOnConnectFail = false;
        _channel = RedisChannel.Literal(options.Value.RedisChannel);
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        _redis.ConnectionFailed += (_, e) => LogConnectionFailed(logger, e.EndPoint?.ToString() ?? "?", e.FailureType.ToString());
        _redis.ConnectionRestored += (_, e) => LogConnectionRestored(logger, e.EndPoint?.ToString() ?? "?");
        try
        {
            await _redis.GetSubscriber().SubscribeAsync(_channel, (_, message) => Receive(message));
            LogSubscribed(logger, configuration.ToString(includePassword: false), options.Value.RedisChannel);
        }
        catch (RedisException e)
        {
            LogSubscribeFailed(logger, configuration.ToString(includePassword: false), e.Message);
        }
    }

    /// <summary>Wakes the streams of <paramref name="conversationId"/> held by the other instances.</summary>
    public void Publish(string conversationId)
    {
        if (_redis is null)
        {
            return;
        }

        try
        {
            _redis.GetSubscriber().Publish(_channel, $"{_instance} {conversationId}", CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            LogPublishFailed(logger, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private void Receive(RedisValue message)
    {
        var text = (string?)message ?? "";
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && !text.AsSpan(0, space).SequenceEqual(_instance))
        {
            broadcaster.Notify(text[(space + 1)..]);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Direct Line backplane: Redis {Configuration}, channel {Channel}")]
    private static partial void LogSubscribed(ILogger logger, string configuration, string channel);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Direct Line backplane: could not subscribe on Redis {Configuration} ({Reason}); streams poll the store until it answers")]
    private static partial void LogSubscribeFailed(ILogger logger, string configuration, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Direct Line backplane: Redis {EndPoint} lost ({Failure}); streams poll the store meanwhile")]
    private static partial void LogConnectionFailed(ILogger logger, string endPoint, string failure);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Direct Line backplane: Redis {EndPoint} back")]
    private static partial void LogConnectionRestored(ILogger logger, string endPoint);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Debug, Message = "Direct Line backplane: a signal was not published ({Reason})")]
    private static partial void LogPublishFailed(ILogger logger, string reason);
}
