namespace SupportBot.Bot.Dialogs.Activities;

internal sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);
