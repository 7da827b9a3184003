namespace SupportBot.Bot.DirectLine;

/// <summary>Another turn of the conversation (on this instance or another) held it longer than a message may wait.</summary>
internal sealed class ConversationBusyException(string conversationId, int waitedSeconds)
    : Exception($"The Direct Line conversation « {conversationId} » stayed busy with another turn for {waitedSeconds} s.")
{
    public int WaitedSeconds { get; } = waitedSeconds;
}
