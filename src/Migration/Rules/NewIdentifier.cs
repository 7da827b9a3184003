using System.Globalization;
using SupportBot.AccountDirectory.Accounts;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 7: a new account's identifier is the directory's (<see cref="IdentifierGenerator"/>: first initial, dot, family
/// name, folded; the bare form if free, else the smallest free number), given in the plan's order, so the same inputs
/// give the same identifiers whatever the order of the files. Identifiers taken in the directory are respected.
/// </summary>
internal sealed class NewIdentifier(IEnumerable<string> taken, int accounts)
{
    private readonly HashSet<string> _taken = WithRoomFor(taken, accounts);
    private readonly Dictionary<string, int> _hints = new(StringComparer.Ordinal);

    /// <summary>Every identifier of the directory and of this run so far (rule 8 keeps no alias equal to one).</summary>
    public IReadOnlySet<string> Taken() => _taken;

    public string For(string baseIdentifier) => Allocate(baseIdentifier, _taken, _hints);

    /// <summary>
    /// <see cref="IdentifierGenerator.FirstFree"/>'s rule (bare form, else the smallest free number) with a per-base
    /// hint: identifiers are only ever added during a run, so the smallest free number never goes down.
    /// </summary>
    internal static string Allocate(string baseIdentifier, HashSet<string> taken, Dictionary<string, int> hints)
    {
        if (taken.Add(baseIdentifier))
        {
            return baseIdentifier;
        }

        // The string the set keeps is the one returned: at a million accounts nearly every identifier is numbered.
        var n = hints.GetValueOrDefault(baseIdentifier, 1);
        string identifier;
        while (!taken.Add(identifier = baseIdentifier + n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }

        hints[baseIdentifier] = n + 1;
        return identifier;
    }

    private static HashSet<string> WithRoomFor(IEnumerable<string> taken, int accounts)
    {
        var set = new HashSet<string>(taken, StringComparer.Ordinal);
        set.EnsureCapacity(set.Count + accounts);
        return set;
    }
}
