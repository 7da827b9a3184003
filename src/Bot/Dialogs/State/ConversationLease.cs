using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

public sealed record ConversationLease(string Key, string Owner, string ETag, ConversationData Data);
