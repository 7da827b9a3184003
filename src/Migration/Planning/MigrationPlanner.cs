using System.Globalization;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Migration.Input;
using SupportBot.Migration.Reporting;
using SupportBot.Migration.Writing;

namespace SupportBot.Migration.Planning;

/// <summary>
/// Applies the issue's rules to the inputs and the directory's current state. Pure computation: the same inputs and
/// directory give the same plan whatever the order of the files, which is what makes reruns and resumes converge.
/// </summary>
internal sealed class MigrationPlanner(MigrationReport report, Action? grouped = null)
{
    private NameBuckets? _buckets;
    private PlannedAccount?[]? _plannedByPerson;
    private LegacyAttachments? _attachments;

    /// <summary>Everything but rule 1's near misses, which only add to the report: <see cref="ReportPossibleDuplicates()"/>.</summary>
    public MigrationPlan Plan(SiecleData siecle, LegacyData legacy, ExistingDirectory existing)
    {
        var holders = CollectHolders(siecle, legacy.Accounts);
        report.Holders = holders.Count;
        CheckAttachments(siecle, legacy);
        _attachments = legacy.Attachments;

        var buckets = NameBuckets.Build(siecle, holders);
        siecle.ForgetKeys();
        var groups = Group(holders, buckets);

        // Tier-0 code keeps what a local held until the local is overwritten.
        holders = null;
        grouped?.Invoke();

        // Persons are numbered by their read rank: an array is the planner's map from person to account.
        var plannedByPerson = new PlannedAccount?[siecle.PersonCount];
        var hints = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<string>(existing.Identifiers, StringComparer.Ordinal);
        taken.EnsureCapacity(existing.Identifiers.Count + groups.Count);
        var pupils = new List<SieclePupil>(groups.Count * 2);
        var uajs = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<PlannedLink>();
        foreach (var planned in groups)
        {
            foreach (var person in planned.Persons)
            {
                plannedByPerson[person.Index] = planned;
            }
        }

        // Only AddLinks reads responsibilities from here on, and only those of the persons of an account: the others'
        // (and the pupils only they point at) can go now, the account's once its links are made.
        for (var b = 0; b < buckets.Count; b++)
        {
            foreach (var person in buckets.Members(b))
            {
                if (plannedByPerson[person.Index] is null)
                {
                    person.ForgetResponsibilities();
                }
            }
        }

        foreach (var planned in groups)
        {
            foreach (var person in planned.Persons)
            {
                uajs.Add(person.Uaj);
            }

            planned.ExistingAccountId = FindExistingAccount(planned, existing);
            if (planned.ExistingAccountId is null)
            {
                planned.Identifier = Allocate(planned.BaseIdentifier, taken, hints);
                ChooseEmail(planned);
                report.AccountsCreated++;
            }
            else
            {
                report.AccountsReused++;
            }

            AddLinks(planned, existing, pupils, links);
            foreach (var person in planned.Persons)
            {
                person.ForgetResponsibilities();
            }
        }

        AddAliases(groups, existing, taken);
        _attachments = null;
        _buckets = buckets;
        _plannedByPerson = plannedByPerson;
        report.Persons = groups.Count;
        foreach (var pupil in pupils)
        {
            uajs.Add(pupil.Uaj);
        }

        pupils.Sort(SiecleRecord.CompareKeys);
        return new MigrationPlan
        {
            Uajs = new SortedSet<string>(uajs, StringComparer.Ordinal),
            Pupils = pupils,
            Accounts = groups,
        };
    }

    /// <summary>Rule 2: the holders found in SIECLE, each with the legacy accounts they hold (in the order read).</summary>
    private Holders CollectHolders(SiecleData siecle, IReadOnlyList<LegacyAccount> legacyAccounts)
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

            var count = foundPersons.Count;
            if (count < account.HolderCount)
            {
                for (var h = 0; h < account.HolderCount; h++)
                {
                    var missing = account.Holder(h);
                    if (siecle.Persons.ContainsKey(missing))
                    {
                        continue;
                    }

                    if (count == 0)
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

    /// <summary>Rule 3's stale attachments: the pupil has left (or is no longer exported), or the person is no longer responsible.</summary>
    private void CheckAttachments(SiecleData siecle, LegacyData legacy)
    {
        var attachments = legacy.Attachments;
        foreach (var account in legacy.Accounts)
        {
            for (var i = account.AttachmentStart; i < account.AttachmentStart + account.AttachmentCount; i++)
            {
                var attachment = (PupilKey: attachments.PupilKey(i), PersonKey: attachments.PersonKey(i), Line: attachments.Line(i));
                string? reason = null;
                string? detail = null;
                if (!siecle.Pupils.TryGetValue(attachment.PupilKey, out var pupil) || pupil.HasLeft)
                {
                    reason = "rattachement_eleve_parti";
                    detail = $"l'élève {siecle.Keys.ToString(attachment.PupilKey)} a quitté l'établissement ou n'est plus dans l'export : pas de lien.";
                }
                else if (!siecle.Persons.TryGetValue(attachment.PersonKey, out var person) || !IsResponsible(person, pupil))
                {
                    reason = "rattachement_plus_responsable";
                    detail = $"{siecle.Keys.ToString(attachment.PersonKey)} n'est plus responsable (niveau 1 ou 2) de l'élève {siecle.Keys.ToString(attachment.PupilKey)} : pas de lien.";
                }

                if (reason is not null)
                {
                    report.StaleAttachments++;
                    report.Note(account.File, attachment.Line, $"COMPTE {account.CompteId}", reason, detail!);
                }
            }
        }

        // From here on only WasAttached reads them, and only their pupils.
        attachments.KeepPupilsOnly();
    }

    private static bool IsResponsible(SieclePerson person, SieclePupil pupil)
    {
        foreach (var r in person.Responsibilities)
        {
            if (r.Level != ResponsibilityLevel.Contact && r.Pupil == pupil)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rule 1, bucket by bucket of folded names: each holder with a mobile and an e-mail is merged with every person of
    /// its bucket with the same mobile and e-mail (its class); a holder without both stands alone. Sorted for
    /// deterministic identifiers.
    /// </summary>
    private List<PlannedAccount> Group(Holders holders, NameBuckets buckets)
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
                    AddGroup([holder], [holder]);
                }
            }

            for (var c = 0; c < classes.Count; c++)
            {
                AddGroup([.. classPersons[c]], [.. classHolders[c]]);
            }
        }

        planned.Sort(static (a, b) =>
        {
            var byBase = string.CompareOrdinal(a.BaseIdentifier, b.BaseIdentifier);
            return byBase != 0 ? byBase : SiecleRecord.CompareKeys(a.Representative, b.Representative);
        });
        return planned;

        void AddGroup(SieclePerson[] persons, SieclePerson[] groupHolders)
        {
            Array.Sort(persons, SiecleRecord.CompareKeys);
            Array.Sort(groupHolders, SiecleRecord.CompareKeys);
            var representative = groupHolders[0];
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
            foreach (var holder in groupHolders)
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

    private static int? FindExistingAccount(PlannedAccount planned, ExistingDirectory existing)
    {
        int? found = null;
        foreach (var person in planned.Persons)
        {
            if (existing.TryGetPerson(person, out var row) && row.AccountId is { } id)
            {
                found = Math.Min(id, found ?? int.MaxValue);
            }
        }

        if (found is null && existing.AccountByIdentity.Count > 0 && planned.Representative.IdentityKey is { } identity
            && existing.AccountByIdentity.TryGetValue(identity, out var byIdentity))
        {
            found = byIdentity;
        }

        return found;
    }

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

    /// <summary>Rules 5 and 6.</summary>
    private static void ChooseEmail(PlannedAccount planned)
    {
        // Confirmed first, then the most recent last connection, then creation, then the smallest COMPTE_ID.
        LegacyAccount? best = null;
        foreach (var a in planned.LegacyAccounts)
        {
            if (a.Email is null || !Holds(planned, EmailHolder(a)))
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
            planned.Email = best.Email;
            planned.EmailConfirmed = best.EmailConfirmed;
        }
        else
        {
            planned.Email = planned.Representative.Email;
            foreach (var p in planned.Persons)
            {
                planned.Email ??= p.Email;
            }

            planned.EmailConfirmed = false;
        }

        planned.Status = planned.EmailConfirmed ? AccountStatus.NotifieNonActive : AccountStatus.NonNotifie;
    }

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

    private static bool Holds(PlannedAccount planned, long personKey)
    {
        foreach (var p in planned.Persons)
        {
            if (p.Key == personKey)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The legacy account's address belongs to its first holder. When that holder is missing from SIECLE the address is
    /// not passed to the second one (it was not theirs): they get their SIECLE address, as rule 5 says for second holders.
    /// </summary>
    private static long EmailHolder(LegacyAccount account) => account.FirstHolder;

    /// <summary>Rule 3: every pupil of level 1 or 2 in the current data, through any of the account's persons.</summary>
    private void AddLinks(PlannedAccount planned, ExistingDirectory existing, List<SieclePupil> pupils, List<PlannedLink> links)
    {
        links.Clear();
        foreach (var person in planned.Persons)
        {
            foreach (var responsibility in person.Responsibilities)
            {
                var pupil = responsibility.Pupil;
                if (responsibility.Level == ResponsibilityLevel.Contact || pupil.HasLeft)
                {
                    continue;
                }

                // Two lines for the same pair (an export anomaly): one link, at the stronger level.
                var duplicate = -1;
                for (var i = 0; i < links.Count; i++)
                {
                    if (links[i].Person == person && links[i].Pupil == pupil)
                    {
                        duplicate = i;
                        break;
                    }
                }

                if (duplicate >= 0)
                {
                    if (responsibility.Level < links[duplicate].Level)
                    {
                        links[duplicate] = links[duplicate] with { Level = responsibility.Level };
                    }

                    continue;
                }

                links.Add(new PlannedLink(person, pupil, responsibility.Level, responsibility.RelationshipCode));
                if (!pupil.Planned)
                {
                    pupil.Planned = true;
                    pupils.Add(pupil);
                }

                var isNew = !(existing.TryGetPerson(person, out var row)
                    && existing.TryGetPupil(pupil, out var pupilId)
                    && existing.Links.Contains(ExistingDirectory.LinkKey(row.PersonId, pupilId)));
                if (isNew)
                {
                    report.PupilLinks++;
                    if (!WasAttached(planned, pupil.Key, _attachments!))
                    {
                        report.LinksAddedByRapprochement++;
                    }
                }
            }
        }

        // An array of the exact size: a list per account would be a million more objects, with spare room.
        planned.Links = [.. links];
    }

    private static bool WasAttached(PlannedAccount planned, long pupilKey, LegacyAttachments attachments)
    {
        foreach (var a in planned.LegacyAccounts)
        {
            for (var i = a.AttachmentStart; i < a.AttachmentStart + a.AttachmentCount; i++)
            {
                if (attachments.PupilKey(i) == pupilKey)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Rule 8: each old identifier becomes an alias of the account of the legacy account's first holder.</summary>
    private void AddAliases(List<PlannedAccount> groups, ExistingDirectory existing, HashSet<string> identifiers)
    {
        var owners = new Dictionary<string, PlannedAccount>(groups.Count, StringComparer.Ordinal);
        foreach (var planned in groups)
        {
            foreach (var legacy in planned.LegacyAccounts)
            {
                if (!Holds(planned, EmailHolder(legacy)))
                {
                    continue;
                }

                var alias = legacy.Identifier;
                if (owners.TryGetValue(alias, out var other))
                {
                    if (other != planned)
                    {
                        report.Note(legacy.File, legacy.Line, $"COMPTE {legacy.CompteId}", "ancien_identifiant_en_double",
                            $"l'ancien identifiant est aussi celui d'un autre compte ({other.Representative.KeyText}) : il n'est gardé que pour le premier.");
                    }

                    continue;
                }

                if (existing.AliasOwners.TryGetValue(alias, out var ownerId))
                {
                    if (ownerId != planned.ExistingAccountId)
                    {
                        report.Note(legacy.File, legacy.Line, $"COMPTE {legacy.CompteId}", "ancien_identifiant_deja_pris",
                            "l'ancien identifiant désigne déjà un autre compte de l'annuaire : il n'est pas repris.");
                    }

                    owners[alias] = planned;
                    continue;
                }

                if (identifiers.Contains(alias))
                {
                    report.Note(legacy.File, legacy.Line, $"COMPTE {legacy.CompteId}", "ancien_identifiant_deja_pris",
                        "l'ancien identifiant est l'identifiant d'un compte de l'annuaire : il n'est pas repris comme alias.");
                    continue;
                }

                owners[alias] = planned;
                planned.AddAlias(alias);
                report.AliasesAdded++;
            }

            // The writer needs none of it: the legacy accounts can go as soon as the plan is made.
            planned.LegacyAccounts = [];
        }
    }

    /// <summary>
    /// Rule 1's near misses: same names in two établissements with only the phone or only the e-mail equal. Reads the
    /// plan without changing it, so it may run while the plan is written; the report is not touched meanwhile.
    /// </summary>
    public void ReportPossibleDuplicates()
    {
        var buckets = _buckets ?? throw new InvalidOperationException("Plan first.");
        var plannedByPerson = _plannedByPerson!;
        _buckets = null;
        _plannedByPerson = null;
        var byMobile = new Dictionary<(long, string?), List<SieclePerson>>();
        var byEmail = new Dictionary<string, List<SieclePerson>>(StringComparer.Ordinal);
        var candidates = new List<SieclePerson>();
        for (var bucketNumber = 0; bucketNumber < buckets.Count; bucketNumber++)
        {
            var bucket = buckets.Members(bucketNumber);
            if (bucket.Length < 2)
            {
                continue;
            }

            byMobile.Clear();
            byEmail.Clear();
            foreach (var p in bucket)
            {
                if (p.HasMobile)
                {
                    Add(byMobile, p.MobileKey, p);
                }

                if (p.Email is not null)
                {
                    Add(byEmail, p.Email, p);
                }
            }

            bucket.Sort(SiecleRecord.CompareKeys);
            foreach (var a in bucket)
            {
                if (plannedByPerson[a.Index] is not { } aAccount)
                {
                    continue;
                }

                candidates.Clear();
                if (a.HasMobile)
                {
                    candidates.AddRange(byMobile[a.MobileKey]);
                }

                if (a.Email is not null)
                {
                    foreach (var b in byEmail[a.Email])
                    {
                        if (!candidates.Contains(b))
                        {
                            candidates.Add(b);
                        }
                    }
                }

                candidates.Sort(SiecleRecord.CompareKeys);
                foreach (var b in candidates)
                {
                    var bAccount = plannedByPerson[b.Index];
                    if (b.Uaj == a.Uaj || bAccount == aAccount || (bAccount is not null && SiecleRecord.CompareKeys(b, a) < 0))
                    {
                        continue;
                    }

                    var samePhone = a.HasMobile && a.MobileKey == b.MobileKey;
                    var sameEmail = a.Email is not null && a.Email == b.Email;
                    if (samePhone != sameEmail)
                    {
                        report.PossibleDuplicates++;
                        report.Note(a.File, a.Line, $"PERSONNE {a.KeyText}", "doublon_possible",
                            $"mêmes nom et prénom que {b.KeyText} ({b.File}:{b.Line}) avec seul{(samePhone ? " le portable" : "e l'adresse électronique")} "
                            + "en commun : comptes gardés séparés, à vérifier.");
                    }
                }
            }
        }

        static void Add<TKey>(Dictionary<TKey, List<SieclePerson>> index, TKey key, SieclePerson person)
            where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<SieclePerson>(1);
            }

            list.Add(person);
        }
    }
}
