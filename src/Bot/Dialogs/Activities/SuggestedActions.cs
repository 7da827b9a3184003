namespace SupportBot.Bot.Dialogs.Activities;

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }

    public List<CardAction> Actions { get; set; } = [];
}
