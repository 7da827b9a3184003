using SupportBot.Bot.Activities;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>
/// Stands for the dialog engine behind the channel boundary in the protocol tests: greets on conversationUpdate and
/// echoes messages, so that the Direct Line assertions do not depend on the dialogs' wording.
/// </summary>
internal sealed class EchoConversationBot : IConversationBot
{
    public Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, CancellationToken cancellationToken)
    {
        IReadOnlyList<Activity> replies = incoming.Type switch
        {
            "conversationUpdate" => [Message("Bonjour !")],
            "message" => [new Activity { Type = "typing" }, Message($"Écho : {incoming.Text}")],
            _ => [],
        };
        return Task.FromResult(replies);
    }

    private static Activity Message(string text) => new() { Type = "message", Text = text, TextFormat = "markdown" };
}
