using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.State;

internal sealed record ConversationLease(string Key, string Owner, string ETag, ConversationData Data);
