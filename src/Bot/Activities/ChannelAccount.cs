namespace SupportBot.Bot.Activities;

internal sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);
