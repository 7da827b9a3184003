using System.Text.Json.Nodes;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>
/// Stands for the dialog engine behind the channel boundary in the protocol tests: greets on conversationUpdate and
/// echoes messages, so that the Direct Line assertions do not depend on the dialogs' wording.
/// </summary>
internal sealed class EchoConversationBot : IConversationBot
{
    public Task<IReadOnlyList<JsonObject>> ProcessAsync(JsonObject incoming, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonObject> replies = incoming["type"]?.GetValue<string>() switch
        {
            "conversationUpdate" => [Message("Bonjour !")],
            "message" => [new JsonObject { ["type"] = "typing" }, Message($"Écho : {incoming["text"]?.GetValue<string>()}")],
            _ => [],
        };
        return Task.FromResult(replies);
    }

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text, ["textFormat"] = "markdown" };
}
