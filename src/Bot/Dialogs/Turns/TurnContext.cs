using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>One incoming activity, the replies sent for it, and the conversation's and sender's state.</summary>
internal sealed class TurnContext(Activity activity, IServiceProvider services, MessageRenderer renderer, TimeProvider time)
{
    private readonly List<Func<Activity, CancellationToken, Task>> _onSend = [];
    private Func<IReadOnlyList<Activity>, CancellationToken, Task>? _record;

    public Activity Activity { get; } = activity;

    /// <summary>The turn's scope (one database context per turn).</summary>
    public IServiceProvider Services { get; } = services;

    public TimeProvider Time { get; } = time;

    public List<Activity> Responses { get; } = [];

    public ConversationData Conversation { get; set; } = new();

    /// <summary>The parent's message as the bot reads it (intent, values heard), for a message turn run by <see cref="DialogBot"/>.</summary>
    public MessageReading? Reading { get; set; }

    /// <summary>What the parent gave of themselves this turn (answers to personal questions, values heard): the transcript log masks it.</summary>
    public HashSet<string> PersonalValues { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string ConversationKey => $"{Activity.ChannelId}/{Activity.Conversation?.Id}";

    public string UserKey => $"{Activity.ChannelId}/{Activity.From?.Id}";

    /// <summary>The parent's network address when the channel knows it (Web Chat), for the limits that hold per person.</summary>
    public string? ClientAddress { get; init; }

    public bool IsSms => Channels.IsSms(Activity.ChannelId);

    /// <summary>Called for every activity the bot sends, before it is recorded (transcript, channel delivery).</summary>
    public void OnSend(Func<Activity, CancellationToken, Task> handler) => _onSend.Add(handler);

    /// <summary>
    /// Called once, by <see cref="State.StateMiddleware"/>, with the turn's replies while the turn still holds its
    /// conversation: a channel that keeps the conversation's log (Direct Line) writes the message and its replies then, so
    /// that no other turn of the conversation, on any instance, lands between them.
    /// </summary>
    public void OnRecord(Func<IReadOnlyList<Activity>, CancellationToken, Task> record) => _record = record;

    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        if (_record is { } record)
        {
            _record = null;
            await record([.. Responses], cancellationToken);
        }
    }

    public async Task SendAsync(Activity reply, CancellationToken cancellationToken = default)
    {
        reply.Id ??= Guid.NewGuid().ToString("N");
        reply.Timestamp ??= Time.GetUtcNow();
        foreach (var handler in _onSend)
        {
            await handler(reply, cancellationToken);
        }

        Responses.Add(reply);
    }

    public Task SendAsync(MessageText text, IReadOnlyList<MessageText>? choices = null, CancellationToken cancellationToken = default) =>
        SendAsync(renderer.Render(Activity, text, choices), cancellationToken);
}
