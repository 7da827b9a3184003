namespace SupportBot.Bot.Activities;

internal static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Event = "event";
}
