namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>What the bot keeps about one sender (channel and sender id) across conversations.</summary>
internal sealed class UserData
{
    /// <summary>Unix milliseconds of this sender's account look-ups, for the per-sender limit.</summary>
    public List<long> Lookups { get; set; } = [];

    /// <summary>Unix milliseconds of status questions naming a reference that does not exist (guesses are limited).</summary>
    public List<long> UnknownReferences { get; set; } = [];
}
