namespace SupportBot.AccountDirectory.Limits;

/// <summary>Whether a hit was counted; when refused, how long until the key's window ends (for <c>Retry-After</c>).</summary>
public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);
}
