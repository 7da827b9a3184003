namespace SupportBot.Bot.Dialogs.Activities;

public sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);
