using System.Globalization;

namespace SupportBot.Bot.Security;

/// <summary>Every 429 says when to come back, so that a client waits instead of hammering (RFC 9110 §10.2.3, RFC 6585 §4).</summary>
internal static class RetryAfter
{
    /// <summary>In whole seconds, rounded up, at least 1.</summary>
    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
