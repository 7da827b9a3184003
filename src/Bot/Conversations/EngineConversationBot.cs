using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Bot.Dialogs.Activities;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Conversations;

/// <summary>The dialog engine behind the channels: their JSON activities in and out, the engine's typed activities inside.</summary>
internal sealed class EngineConversationBot(BotEngine engine) : IConversationBot
{
    public Task<IReadOnlyList<JsonObject>> ProcessAsync(JsonObject incoming, CancellationToken cancellationToken) =>
        ProcessAsync(incoming, null, cancellationToken);

    public async Task<IReadOnlyList<JsonObject>> ProcessAsync(JsonObject incoming, string? clientAddress, CancellationToken cancellationToken)
    {
        var replies = await engine.ProcessAsync(Read(incoming), clientAddress: clientAddress, cancellationToken: cancellationToken);
        return [.. replies.Select(Write)];
    }

    public async Task<IReadOnlyList<JsonObject>> ProcessAsync(JsonObject incoming, string? clientAddress,
        Func<IReadOnlyList<JsonObject>, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        var replies = await engine.ProcessAsync(Read(incoming), clientAddress: clientAddress, cancellationToken: cancellationToken,
            record: (recorded, token) => record([.. recorded.Select(Write)], token));
        return [.. replies.Select(Write)];
    }

    private static Activity Read(JsonObject incoming) =>
        incoming.Deserialize<Activity>(ActivityJson.Options) ?? throw new JsonException("An activity was expected, not null.");

    private static JsonObject Write(Activity reply) => JsonSerializer.SerializeToNode(reply, ActivityJson.Options)!.AsObject();
}
