namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>What the bot keeps about one sender (channel and sender id) across conversations.</summary>
internal sealed class UserData
{
    /// <summary>Unix milliseconds of status questions naming a reference that does not exist (guesses are limited).</summary>
    public List<long> UnknownReferences { get; set; } = [];
}
