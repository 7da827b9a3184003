using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Conversations;

/// <summary>The dialog engine behind the channels.</summary>
internal sealed class EngineConversationBot(BotEngine engine) : IConversationBot
{
    public Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, CancellationToken cancellationToken) =>
        ProcessAsync(incoming, null, cancellationToken);

    public Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, string? clientAddress, CancellationToken cancellationToken) =>
        engine.ProcessAsync(incoming, clientAddress: clientAddress, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, string? clientAddress,
        Func<IReadOnlyList<Activity>, CancellationToken, Task> record, CancellationToken cancellationToken) =>
        engine.ProcessAsync(incoming, clientAddress: clientAddress, cancellationToken: cancellationToken, record: record);
}
