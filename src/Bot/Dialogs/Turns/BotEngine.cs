using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>
/// The entry point of every channel: one incoming activity in, the bot's replies out. Each turn gets its own service
/// scope and runs the middleware (in registration order) around <see cref="DialogBot"/>.
/// </summary>
internal sealed class BotEngine(IServiceScopeFactory scopes, MessageRenderer renderer, TimeProvider time)
{
    /// <param name="send">Called as each reply is produced (a channel streaming replies); the list returned holds them all.</param>
    /// <param name="clientAddress">Where the request came from, when the channel knows the parent's own address (Web Chat).</param>
    /// <param name="record">Called with the turn's replies while the turn holds its conversation (<see cref="TurnContext.OnRecord"/>).</param>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, Func<Activity, CancellationToken, Task>? send = null,
        string? clientAddress = null, CancellationToken cancellationToken = default, Func<IReadOnlyList<Activity>, CancellationToken, Task>? record = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id) || string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            // Channels check their input first; this guards the state keys, which are built from these two values.
            throw new ArgumentException("An activity needs channelId and conversation.id.", nameof(activity));
        }

        activity.Timestamp ??= time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var turn = new TurnContext(activity, scope.ServiceProvider, renderer, time) { ClientAddress = clientAddress };
        if (send is not null)
        {
            turn.OnSend(send);
        }

        if (record is not null)
        {
            turn.OnRecord(record);
        }

        var middleware = scope.ServiceProvider.GetServices<ITurnMiddleware>().ToArray();
        var bot = scope.ServiceProvider.GetRequiredService<DialogBot>();
        await RunAsync(0);
        return turn.Responses;

        Task RunAsync(int index) => index < middleware.Length
            ? middleware[index].OnTurnAsync(turn, () => RunAsync(index + 1), cancellationToken)
            : bot.OnTurnAsync(turn, cancellationToken);
    }
}
