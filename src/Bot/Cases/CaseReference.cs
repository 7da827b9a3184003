using System.Text.RegularExpressions;
using SupportBot.AccountDirectory.Cases;

namespace SupportBot.Bot.Cases;

/// <summary>A case reference in a parent's text: « SB-7KQ4M2 », « sb 7kq4m2 », « ma demande SB7KQ4M2 ».</summary>
internal static partial class CaseReference
{
    /// <summary>The reference named with its SB prefix anywhere in the text, normalised (SB-7KQ4M2), or null.</summary>
    public static string? Find(string text) =>
        Prefixed().Match(text) is { Success: true } match ? DirectorCaseService.NormalizeReference(match.Value) : null;

    /// <summary>As <see cref="Find"/>, or the six characters alone when the whole answer is them (asked for a reference).</summary>
    public static string? FindInAnswer(string text) =>
        Find(text) ?? (Alone().IsMatch(text.Trim()) ? DirectorCaseService.NormalizeReference(text) : null);

    [GeneratedRegex(@"\bSB[\s\-_.:]{0,2}[A-Z0-9]{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"^(?=[A-Z]*[0-9])[A-Z0-9]{6}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Alone();
}
