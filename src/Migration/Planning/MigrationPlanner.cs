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
internal sealed class MigrationPlanner(MigrationReport report)
{
    private Dictionary<string, List<SieclePerson>>? _names;
    private Dictionary<SieclePerson, PlannedAccount>? _plannedByPerson;

    /// <summary>Everything but rule 1's near misses, which only add to the report: <see cref="ReportPossibleDuplicates()"/>.</summary>
    public MigrationPlan Plan(SiecleData siecle, IReadOnlyList<LegacyAccount> legacyAccounts, ExistingDirectory existing)
    {
        var accountsByHolder = CollectHolders(siecle, legacyAccounts);
        report.Holders = accountsByHolder.Count;
        CheckAttachments(siecle, legacyAccounts);

        var holderNames = new Dictionary<SieclePerson, string>(accountsByHolder.Count, PersonIdentity.Instance);
        foreach (var holder in accountsByHolder.Keys)
        {
            holderNames[holder] = holder.NameKey;
        }

        var names = NameBuckets(siecle, holderNames);
        var groups = Group(accountsByHolder, holderNames, names);
        var plannedByPerson = new Dictionary<SieclePerson, PlannedAccount>(accountsByHolder.Count + accountsByHolder.Count / 4, PersonIdentity.Instance);
        var hints = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<string>(existing.Identifiers, StringComparer.Ordinal);
        taken.EnsureCapacity(existing.Identifiers.Count + groups.Count);
        var pupils = new List<SieclePupil>(groups.Count * 2);
        var uajs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planned in groups)
        {
            foreach (var person in planned.Persons)
            {
                plannedByPerson[person] = planned;
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

            AddLinks(planned, existing, siecle.Pupils, pupils);
        }

        AddAliases(groups, existing, taken);
        _names = names;
        _plannedByPerson = plannedByPerson;
        report.Persons = groups.Count;
        foreach (var pupil in pupils)
        {
            uajs.Add(pupil.Uaj);
        }

        pupils.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new MigrationPlan
        {
            Uajs = new SortedSet<string>(uajs, StringComparer.Ordinal),
            Pupils = pupils,
            Accounts = groups,
        };
    }

    /// <summary>Rule 2: the holders found in SIECLE, each with the legacy accounts they hold (in the order read).</summary>
    private Dictionary<SieclePerson, List<LegacyAccount>> CollectHolders(SiecleData siecle, IReadOnlyList<LegacyAccount> legacyAccounts)
    {
        var byHolder = new Dictionary<SieclePerson, List<LegacyAccount>>(legacyAccounts.Count + legacyAccounts.Count / 4, PersonIdentity.Instance);
        var found = new List<SieclePerson>(2);
        foreach (var account in legacyAccounts)
        {
            found.Clear();
            foreach (var key in account.Holders)
            {
                if (siecle.Persons.TryGetValue(key, out var person) && !found.Contains(person))
                {
                    found.Add(person);
                }
            }

            var count = found.Count;
            if (count < account.Holders.Count)
            {
                foreach (var missing in account.Holders)
                {
                    if (siecle.Persons.ContainsKey(missing))
                    {
                        continue;
                    }

                    if (count == 0)
                    {
                        report.Reject(account.File, account.Line, $"COMPTE {account.CompteId}", "titulaire_introuvable",
                            $"le titulaire {missing} n'est dans aucun export SIECLE lu : compte non repris.");
                    }
                    else
                    {
                        report.Note(account.File, account.Line, $"COMPTE {account.CompteId}", "titulaire_introuvable",
                            $"le titulaire {missing} n'est dans aucun export SIECLE lu : seul l'autre titulaire est repris.");
                    }
                }
            }

            foreach (var holder in found)
            {
                if (!byHolder.TryGetValue(holder, out var list))
                {
                    byHolder[holder] = list = new List<LegacyAccount>(1);
                }

                list.Add(account);
            }
        }

        return byHolder;
    }

    /// <summary>Rule 3's stale attachments: the pupil has left (or is no longer exported), or the person is no longer responsible.</summary>
    private void CheckAttachments(SiecleData siecle, IReadOnlyList<LegacyAccount> legacyAccounts)
    {
        foreach (var account in legacyAccounts)
        {
            foreach (var attachment in account.Attachments)
            {
                string? reason = null;
                string? detail = null;
                if (!siecle.Pupils.TryGetValue(attachment.PupilKey, out var pupil) || pupil.HasLeft)
                {
                    reason = "rattachement_eleve_parti";
                    detail = $"l'élève {attachment.PupilKey} a quitté l'établissement ou n'est plus dans l'export : pas de lien.";
                }
                else if (!siecle.Persons.TryGetValue(attachment.PersonKey, out var person) || !IsResponsible(person, attachment.PupilKey))
                {
                    reason = "rattachement_plus_responsable";
                    detail = $"{attachment.PersonKey} n'est plus responsable (niveau 1 ou 2) de l'élève {attachment.PupilKey} : pas de lien.";
                }

                if (reason is not null)
                {
                    report.StaleAttachments++;
                    report.Note(account.File, attachment.Line, $"COMPTE {account.CompteId}", reason, detail!);
                }
            }
        }
    }

    private static bool IsResponsible(SieclePerson person, string pupilKey)
    {
        foreach (var r in person.Responsibilities)
        {
            if (r.Level != ResponsibilityLevel.Contact && r.PupilKey == pupilKey)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every SIECLE person whose folded names are those of a holder, bucketed by those names (rule 1 and its near misses
    /// only ever compare such persons). The names of the others are folded into a buffer and never become strings.
    /// </summary>
    private static Dictionary<string, List<SieclePerson>> NameBuckets(SiecleData siecle, Dictionary<SieclePerson, string> holderNames)
    {
        var names = new Dictionary<string, List<SieclePerson>>(StringComparer.Ordinal);
        foreach (var name in holderNames.Values)
        {
            names.TryAdd(name, []);
        }

        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[1024];
        foreach (var person in siecle.Persons.Values)
        {
            var name = Identity.NameKey(person.FamilyName, person.FirstName, buffer);
            if (lookup.TryGetValue(name, out var members))
            {
                members.Add(person);
            }
        }

        return names;
    }

    /// <summary>Rule 1: holders merged with every SIECLE person of the same identity, sorted for deterministic identifiers.</summary>
    private List<PlannedAccount> Group(Dictionary<SieclePerson, List<LegacyAccount>> accountsByHolder, Dictionary<SieclePerson, string> holderNames,
        Dictionary<string, List<SieclePerson>> names)
    {
        // Rule 1's classes, for the identities some holder has: same folded names (the bucket), mobile and e-mail.
        // Numbered from -1 down, so that a group's key is its class number or its lone holder's index.
        var classes = new Dictionary<(string Name, string Mobile, string Email), (int Id, List<SieclePerson> Members)>();
        foreach (var holder in accountsByHolder.Keys)
        {
            if (holder is { Mobile: { } mobile, Email: { } email })
            {
                classes.TryAdd((holderNames[holder], mobile, email), (-1 - classes.Count, []));
            }
        }

        foreach (var (name, members) in names)
        {
            foreach (var person in members)
            {
                if (person is { Mobile: { } mobile, Email: { } email } && classes.TryGetValue((name, mobile, email), out var identityClass))
                {
                    identityClass.Members.Add(person);
                }
            }
        }

        var groups = new Dictionary<int, (List<SieclePerson> Persons, List<SieclePerson> Holders)>(accountsByHolder.Count);
        foreach (var holder in accountsByHolder.Keys)
        {
            List<SieclePerson>? identityClass = null;
            var groupKey = holder.Index;
            if (holder is { Mobile: { } mobile, Email: { } email })
            {
                (groupKey, identityClass) = classes[(holderNames[holder], mobile, email)];
            }

            if (!groups.TryGetValue(groupKey, out var group))
            {
                group = (identityClass ?? [holder], new List<SieclePerson>(1));
                groups[groupKey] = group;
            }

            group.Holders.Add(holder);
        }

        var planned = new List<PlannedAccount>(groups.Count);
        var legacy = new List<LegacyAccount>();
        foreach (var (persons, holders) in groups.Values)
        {
            persons.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            holders.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            var representative = holders[0];
            string baseIdentifier;
            try
            {
                baseIdentifier = Identity.BaseIdentifier(representative.FirstName, representative.FamilyName);
            }
            catch (DirectoryValidationException e)
            {
                report.Reject(representative.File, representative.Line, $"PERSONNE {representative.Key}", "nom_inutilisable",
                    $"{e.Reason} Aucun identifiant ne peut être formé : compte non créé.");
                continue;
            }

            var account = new PlannedAccount { Persons = persons, Representative = representative, BaseIdentifier = baseIdentifier };
            legacy.Clear();
            foreach (var holder in holders)
            {
                foreach (var a in accountsByHolder[holder])
                {
                    if (!legacy.Contains(a))
                    {
                        legacy.Add(a);
                    }
                }
            }

            if (legacy.Count > 1)
            {
                legacy.Sort(static (a, b) => string.CompareOrdinal(a.CompteId, b.CompteId));
            }

            account.LegacyAccounts.AddRange(legacy);
            planned.Add(account);
        }

        planned.Sort(static (a, b) =>
        {
            var byBase = string.CompareOrdinal(a.BaseIdentifier, b.BaseIdentifier);
            return byBase != 0 ? byBase : string.CompareOrdinal(a.Representative.Key, b.Representative.Key);
        });
        return planned;
    }

    private static int? FindExistingAccount(PlannedAccount planned, ExistingDirectory existing)
    {
        int? found = null;
        if (existing.PersonsBySiecleKey.Count > 0)
        {
            foreach (var person in planned.Persons)
            {
                if (existing.PersonsBySiecleKey.TryGetValue(person.Key, out var row) && row.AccountId is { } id)
                {
                    found = Math.Min(id, found ?? int.MaxValue);
                }
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

        var n = hints.GetValueOrDefault(baseIdentifier, 1);
        while (!taken.Add(baseIdentifier + n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }

        hints[baseIdentifier] = n + 1;
        return baseIdentifier + n.ToString(CultureInfo.InvariantCulture);
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

        var byLogin = (a.LastLoginOn ?? DateOnly.MinValue).CompareTo(b.LastLoginOn ?? DateOnly.MinValue);
        if (byLogin != 0)
        {
            return byLogin > 0;
        }

        var byCreation = (a.CreatedOn ?? DateOnly.MinValue).CompareTo(b.CreatedOn ?? DateOnly.MinValue);
        return byCreation != 0 ? byCreation > 0 : string.CompareOrdinal(a.CompteId, b.CompteId) < 0;
    }

    private static bool Holds(PlannedAccount planned, string personKey)
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
    private static string EmailHolder(LegacyAccount account) => account.Holders[0];

    /// <summary>Rule 3: every pupil of level 1 or 2 in the current data, through any of the account's persons.</summary>
    private void AddLinks(PlannedAccount planned, ExistingDirectory existing, Dictionary<string, SieclePupil> current, List<SieclePupil> pupils)
    {
        foreach (var person in planned.Persons)
        {
            foreach (var responsibility in person.Responsibilities)
            {
                if (responsibility.Level == ResponsibilityLevel.Contact
                    || !current.TryGetValue(responsibility.PupilKey, out var pupil)
                    || pupil.HasLeft)
                {
                    continue;
                }

                // Two lines for the same pair (an export anomaly): one link, at the stronger level.
                var duplicate = -1;
                for (var i = 0; i < planned.Links.Count; i++)
                {
                    if (planned.Links[i].Person == person && planned.Links[i].Pupil == pupil)
                    {
                        duplicate = i;
                        break;
                    }
                }

                if (duplicate >= 0)
                {
                    if (responsibility.Level < planned.Links[duplicate].Level)
                    {
                        planned.Links[duplicate] = planned.Links[duplicate] with { Level = responsibility.Level };
                    }

                    continue;
                }

                planned.Links.Add(new PlannedLink(person, pupil, responsibility.Level, responsibility.RelationshipCode));
                if (!pupil.Planned)
                {
                    pupil.Planned = true;
                    pupils.Add(pupil);
                }

                var isNew = !(existing.PersonsBySiecleKey.TryGetValue(person.Key, out var row)
                    && existing.PupilIds.TryGetValue(pupil.Key, out var pupilId)
                    && existing.Links.Contains(ExistingDirectory.LinkKey(row.PersonId, pupilId)));
                if (isNew)
                {
                    report.PupilLinks++;
                    if (!WasAttached(planned, pupil.Key))
                    {
                        report.LinksAddedByRapprochement++;
                    }
                }
            }
        }
    }

    private static bool WasAttached(PlannedAccount planned, string pupilKey)
    {
        foreach (var a in planned.LegacyAccounts)
        {
            foreach (var x in a.Attachments)
            {
                if (x.PupilKey == pupilKey)
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
                            $"l'ancien identifiant est aussi celui d'un autre compte ({other.Representative.Key}) : il n'est gardé que pour le premier.");
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
        }
    }

    /// <summary>
    /// Rule 1's near misses: same names in two établissements with only the phone or only the e-mail equal. Reads the
    /// plan without changing it, so it may run while the plan is written; the report is not touched meanwhile.
    /// </summary>
    public void ReportPossibleDuplicates()
    {
        var names = _names ?? throw new InvalidOperationException("Plan first.");
        var plannedByPerson = _plannedByPerson!;
        _names = null;
        _plannedByPerson = null;
        var byMobile = new Dictionary<string, List<SieclePerson>>(StringComparer.Ordinal);
        var byEmail = new Dictionary<string, List<SieclePerson>>(StringComparer.Ordinal);
        var candidates = new List<SieclePerson>();
        foreach (var bucket in names.Values)
        {
            if (bucket.Count < 2)
            {
                continue;
            }

            byMobile.Clear();
            byEmail.Clear();
            foreach (var p in bucket)
            {
                if (p.Mobile is not null)
                {
                    Add(byMobile, p.Mobile, p);
                }

                if (p.Email is not null)
                {
                    Add(byEmail, p.Email, p);
                }
            }

            bucket.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (var a in bucket)
            {
                if (!plannedByPerson.TryGetValue(a, out var aAccount))
                {
                    continue;
                }

                candidates.Clear();
                if (a.Mobile is not null)
                {
                    candidates.AddRange(byMobile[a.Mobile]);
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

                candidates.Sort(static (x, y) => string.CompareOrdinal(x.Key, y.Key));
                foreach (var b in candidates)
                {
                    var bAccount = plannedByPerson.GetValueOrDefault(b);
                    if (b.Uaj == a.Uaj || bAccount == aAccount || (bAccount is not null && string.CompareOrdinal(b.Key, a.Key) < 0))
                    {
                        continue;
                    }

                    var samePhone = a.Mobile is not null && a.Mobile == b.Mobile;
                    var sameEmail = a.Email is not null && a.Email == b.Email;
                    if (samePhone != sameEmail)
                    {
                        report.PossibleDuplicates++;
                        report.Note(a.File, a.Line, $"PERSONNE {a.Key}", "doublon_possible",
                            $"mêmes nom et prénom que {b.Key} ({b.File}:{b.Line}) avec seul{(samePhone ? " le portable" : "e l'adresse électronique")} "
                            + "en commun : comptes gardés séparés, à vérifier.");
                    }
                }
            }
        }

        static void Add(Dictionary<string, List<SieclePerson>> index, string key, SieclePerson person)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<SieclePerson>(1);
            }

            list.Add(person);
        }
    }
}
