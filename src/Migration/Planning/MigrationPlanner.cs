using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;
using SupportBot.Migration.Reporting;
using SupportBot.Migration.Rules;

namespace SupportBot.Migration.Planning;

/// <summary>
/// The rules (<c>RULES.md</c>, one file each under <c>Rules/</c>) applied in their order to the inputs and the
/// directory's current state. Pure computation: the same inputs and directory give the same plan whatever the order of
/// the files, which is what makes reruns and resumes converge. Where an input is read for the last time it says so to
/// <paramref name="memory"/>, which decides what to release.
/// </summary>
internal sealed class MigrationPlanner(MigrationReport report, IPlanningMemory memory)
{
    /// <summary>The plan, and rule 1's near misses still to look for (they only add to the report: see <see cref="PossibleDuplicates"/>).</summary>
    public (MigrationPlan Plan, PossibleDuplicates PossibleDuplicates) Plan(SiecleData siecle, LegacyData legacy, ExistingDirectory existing)
    {
        var (accounts, buckets) = Accounts(siecle, legacy);
        var accountByPerson = AccountByPerson(siecle.PersonCount, accounts, buckets);
        var identifiers = new NewIdentifier(existing.Identifiers, accounts.Count);
        var children = new ChildrenLinks(siecle, legacy.Attachments, existing, report, accounts.Count);
        foreach (var planned in accounts)
        {
            planned.ExistingAccountId = ReusedAccount.Find(planned, existing);
            if (planned.ExistingAccountId is null)
            {
                planned.Identifier = identifiers.For(planned.BaseIdentifier);
                (planned.Email, planned.EmailConfirmed) = EmailChoice.For(planned);
                planned.Status = InitialStatus.For(planned.EmailConfirmed);
                report.AccountsCreated++;
            }
            else
            {
                report.AccountsReused++;
            }

            planned.Links = children.For(planned);
            foreach (var person in planned.Persons)
            {
                memory.ResponsibilitiesRead(person);
            }
        }

        OldIdentifierAliases.Add(accounts, existing, identifiers.Taken(), report);
        foreach (var planned in accounts)
        {
            memory.LegacyAccountsRead(planned);
        }

        report.Persons = accounts.Count;
        return (Written(accounts, children.Pupils), new PossibleDuplicates(buckets, accountByPerson, report));
    }

    /// <summary>Rules 2, 3 (stale attachments) and 1: the accounts to plan, and rule 1's name buckets.</summary>
    private (List<PlannedAccount> Accounts, NameBuckets Buckets) Accounts(SiecleData siecle, LegacyData legacy)
    {
        var holders = AccountHolders.Collect(siecle, legacy.Accounts, report);
        report.Holders = holders.Count;
        StaleAttachments.Report(siecle, legacy, report);
        memory.AttachmentsChecked(legacy);
        var buckets = NameBuckets.Build(siecle, holders);
        memory.KeysResolved(siecle);
        return (SamePersonAcrossSchools.Group(holders, buckets, report), buckets);
    }

    /// <summary>
    /// Persons are numbered by their read rank: an array is the map from person to account. The persons of rule 1's
    /// buckets that have no account are done with (only the near misses read them, not their responsibilities).
    /// </summary>
    private PlannedAccount?[] AccountByPerson(int persons, List<PlannedAccount> accounts, NameBuckets buckets)
    {
        memory.Grouped();
        var accountByPerson = new PlannedAccount?[persons];
        foreach (var planned in accounts)
        {
            foreach (var person in planned.Persons)
            {
                accountByPerson[person.Index] = planned;
            }
        }

        for (var b = 0; b < buckets.Count; b++)
        {
            foreach (var person in buckets.Members(b))
            {
                if (accountByPerson[person.Index] is null)
                {
                    memory.ResponsibilitiesRead(person);
                }
            }
        }

        return accountByPerson;
    }

    /// <summary>What the writer writes: the établissements of the persons and pupils, the pupils in UAJ:ELEVE_ID order, the accounts in the plan's order.</summary>
    private static MigrationPlan Written(List<PlannedAccount> accounts, List<SieclePupil> pupils)
    {
        var uajs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planned in accounts)
        {
            foreach (var person in planned.Persons)
            {
                uajs.Add(person.Uaj);
            }
        }

        foreach (var pupil in pupils)
        {
            uajs.Add(pupil.Uaj);
        }

        pupils.Sort(SiecleRecord.CompareKeys);
        return new MigrationPlan { Uajs = new SortedSet<string>(uajs, StringComparer.Ordinal), Pupils = pupils, Accounts = accounts };
    }
}
