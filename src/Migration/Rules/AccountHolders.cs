using SupportBot.Migration.Input;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rules 2 and 4: who gets an account. Every holder of a legacy account found in SIECLE, alone or as one of the two
/// holders of a joint account (a joint account is split: each holder is a holder of their own); a holder found in no
/// export is reported, and an account none of whose holders is found is rejected.
/// </summary>
internal static class AccountHolders
{
    /// <summary>The holders found in SIECLE, each with the legacy accounts they hold (in the order read).</summary>
    public static Holders Collect(SiecleData siecle, IReadOnlyList<LegacyAccount> legacyAccounts, MigrationReport report)
    {
        var holders = new Holders(siecle.Persons.Count);

        // First the holders of each account (at most two), then the accounts of each holder in flat arrays (CSR):
        // a list per holder is a million small objects.
        var found = new int[legacyAccounts.Count * 2];
        var counts = new List<int>(legacyAccounts.Count + legacyAccounts.Count / 4);
        var foundPersons = new List<SieclePerson>(2);
        for (var a = 0; a < legacyAccounts.Count; a++)
        {
            var account = legacyAccounts[a];
            foundPersons.Clear();
            for (var h = 0; h < account.HolderCount; h++)
            {
                var key = account.Holder(h);
                if (siecle.Persons.TryGetValue(key, out var person) && !foundPersons.Contains(person))
                {
                    foundPersons.Add(person);
                }
            }

            if (foundPersons.Count < account.HolderCount)
            {
                ReportMissing(siecle, account, foundPersons.Count, report);
            }

            found[2 * a] = found[(2 * a) + 1] = -1;
            for (var i = 0; i < foundPersons.Count && i < 2; i++)
            {
                var holder = holders.Add(foundPersons[i]);
                found[(2 * a) + i] = holder;
                if (holder == counts.Count)
                {
                    counts.Add(0);
                }

                counts[holder]++;
            }
        }

        holders.Start = new int[counts.Count + 1];
        for (var h = 0; h < counts.Count; h++)
        {
            holders.Start[h + 1] = holders.Start[h] + counts[h];
        }

        holders.Accounts = new LegacyAccount[holders.Start[^1]];
        var next = holders.Start[..^1];
        for (var a = 0; a < legacyAccounts.Count; a++)
        {
            for (var i = 0; i < 2; i++)
            {
                if (found[(2 * a) + i] is var holder and >= 0)
                {
                    holders.Accounts[next[holder]++] = legacyAccounts[a];
                }
            }
        }

        return holders;
    }

    private static void ReportMissing(SiecleData siecle, LegacyAccount account, int found, MigrationReport report)
    {
        for (var h = 0; h < account.HolderCount; h++)
        {
            var missing = account.Holder(h);
            if (siecle.Persons.ContainsKey(missing))
            {
                continue;
            }

            if (found == 0)
            {
                report.Reject(account.File, account.Line, $"COMPTE {account.CompteId}", "titulaire_introuvable",
                    $"le titulaire {siecle.Keys.ToString(missing)} n'est dans aucun export SIECLE lu : compte non repris.");
            }
            else
            {
                report.Note(account.File, account.Line, $"COMPTE {account.CompteId}", "titulaire_introuvable",
                    $"le titulaire {siecle.Keys.ToString(missing)} n'est dans aucun export SIECLE lu : seul l'autre titulaire est repris.");
            }
        }
    }
}
