namespace SupportBot.AccountDirectory.Limits;

/// <summary>
/// How many times one key (a keyed hash of who asks, or of what is asked for: never the address, e-mail or identifier
/// itself) was counted in its current window. One row per key, shared by every instance on the database.
/// </summary>
public sealed class RateLimitCounter
{
    /// <summary>What is limited and a keyed hash of whom or what (<c>recherche-client:3fa1...</c>).</summary>
    public required string Key { get; set; }

    /// <summary>
    /// Unix milliseconds at which the window that began with its first hit ends; a hit after it starts a new window. The
    /// retention purge deletes rows past it.
    /// </summary>
    public long WindowEndMs { get; set; }

    public int Count { get; set; }
}
