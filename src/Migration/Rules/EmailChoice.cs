using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 5: a new account's e-mail. A legacy account's address belongs to its first holder (never to the second holder
/// of a joint account); among the addresses of the legacy accounts a person held, a confirmed one beats an unconfirmed
/// one, then the most recent last connection, then the most recent creation, then the smallest COMPTE_ID as written.
/// Without any, the SIECLE MEL of the account's first holder (or of another of its persons), unconfirmed, or none.
/// </summary>
internal static class EmailChoice
{
    public static (string? Email, bool Confirmed) For(PlannedAccount planned)
    {
        LegacyAccount? best = null;
        foreach (var a in planned.LegacyAccounts)
        {
            if (a.Email is null || !planned.StandsFor(EmailHolder(a)))
            {
                continue;
            }

            if (best is null || Better(a, best))
            {
                best = a;
            }
        }

        if (best is not null)
        {
            return (best.Email, best.EmailConfirmed);
        }

        var email = planned.Representative.Email;
        foreach (var p in planned.Persons)
        {
            email ??= p.Email;
        }

        return (email, false);
    }

    /// <summary>
    /// The legacy account's address belongs to its first holder. When that holder is missing from SIECLE the address is
    /// not passed to the second one (it was not theirs): they get their SIECLE address, as for second holders.
    /// </summary>
    public static long EmailHolder(LegacyAccount account) => account.FirstHolder;

    private static bool Better(LegacyAccount a, LegacyAccount b)
    {
        if (a.EmailConfirmed != b.EmailConfirmed)
        {
            return a.EmailConfirmed;
        }

        var byLogin = a.LastLoginOn.CompareTo(b.LastLoginOn);
        if (byLogin != 0)
        {
            return byLogin > 0;
        }

        var byCreation = a.CreatedOn.CompareTo(b.CreatedOn);
        return byCreation != 0 ? byCreation > 0 : LegacyAccount.CompareCompteIds(a, b) < 0;
    }
}
