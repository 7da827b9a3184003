using SupportBot.AccountDirectory.Validation;
using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 1 (EduConnect's rule for siblings across schools): which SIECLE persons make one account. A holder with a
/// mobile and an e-mail stands for every person of any établissement with the same folded names, mobile and e-mail
/// (its class); a holder without both stands alone. Rule 2 follows: one account per class, carrying the legacy
/// accounts of all its holders, however many. Accounts come sorted by base identifier then UAJ:PERSONNE_ID: the order
/// that makes identifiers deterministic (rule 7) and a killed run's work a prefix (rule 9).
/// </summary>
internal static class SamePersonAcrossSchools
{
    public static List<PlannedAccount> Group(Holders holders, NameBuckets buckets, MigrationReport report)
    {
        var planned = new List<PlannedAccount>(holders.Count);
        var classes = new Dictionary<((long, string?) Mobile, string Email), int>();
        var classPersons = new List<List<SieclePerson>>();
        var classHolders = new List<List<SieclePerson>>();
        var legacy = new List<LegacyAccount>();
        var bucketHolders = new List<SieclePerson>();

        // A million accounts have a few tens of thousands of base identifiers: one string each, not one per account.
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var b = 0; b < buckets.Count; b++)
        {
            var members = buckets.Members(b);
            bucketHolders.Clear();
            foreach (var person in members)
            {
                if (holders.IndexOf(person) >= 0)
                {
                    bucketHolders.Add(person);
                }
            }

            if (bucketHolders.Count == 0)
            {
                continue;
            }

            classes.Clear();
            foreach (var holder in bucketHolders)
            {
                if (holder is { HasMobile: true, Email: { } email } && classes.TryAdd((holder.MobileKey, email), classes.Count))
                {
                    if (classPersons.Count < classes.Count)
                    {
                        classPersons.Add([]);
                        classHolders.Add([]);
                    }

                    classPersons[classes.Count - 1].Clear();
                    classHolders[classes.Count - 1].Clear();
                }
            }

            if (classes.Count > 0)
            {
                foreach (var person in members)
                {
                    if (person is { HasMobile: true, Email: { } email } && classes.TryGetValue((person.MobileKey, email), out var c))
                    {
                        classPersons[c].Add(person);
                    }
                }
            }

            foreach (var holder in bucketHolders)
            {
                if (holder is { HasMobile: true, Email: { } email })
                {
                    classHolders[classes[(holder.MobileKey, email)]].Add(holder);
                }
                else
                {
                    AddAccount([holder], [holder]);
                }
            }

            for (var c = 0; c < classes.Count; c++)
            {
                AddAccount([.. classPersons[c]], [.. classHolders[c]]);
            }
        }

        planned.Sort(static (a, b) =>
        {
            var byBase = string.CompareOrdinal(a.BaseIdentifier, b.BaseIdentifier);
            return byBase != 0 ? byBase : SiecleRecord.CompareKeys(a.Representative, b.Representative);
        });
        return planned;

        void AddAccount(SieclePerson[] persons, SieclePerson[] accountHolders)
        {
            Array.Sort(persons, SiecleRecord.CompareKeys);
            Array.Sort(accountHolders, SiecleRecord.CompareKeys);
            var representative = accountHolders[0];
            string baseIdentifier;
            try
            {
                baseIdentifier = Identity.BaseIdentifier(representative.FirstName, representative.FamilyName);
                if (!bases.TryAdd(baseIdentifier, baseIdentifier))
                {
                    baseIdentifier = bases[baseIdentifier];
                }
            }
            catch (DirectoryValidationException e)
            {
                report.Reject(representative.File, representative.Line, $"PERSONNE {representative.KeyText}", "nom_inutilisable",
                    $"{e.Reason} Aucun identifiant ne peut être formé : compte non créé.");
                return;
            }

            legacy.Clear();
            foreach (var holder in accountHolders)
            {
                foreach (var a in holders.AccountsOf(holder))
                {
                    if (!legacy.Contains(a))
                    {
                        legacy.Add(a);
                    }
                }
            }

            if (legacy.Count > 1)
            {
                legacy.Sort(LegacyAccount.CompareCompteIds);
            }

            planned.Add(new PlannedAccount
            {
                Persons = persons, Representative = representative, BaseIdentifier = baseIdentifier, LegacyAccounts = [.. legacy],
            });
        }
    }
}
