namespace SupportBot.Bot.Activities;

internal sealed record ConversationAccount(string Id, string? Name = null, bool? IsGroup = null);
