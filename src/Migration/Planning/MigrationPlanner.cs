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
    public MigrationPlan Plan(SiecleData siecle, IReadOnlyList<LegacyAccount> legacyAccounts, ExistingDirectory existing)
    {
        var accountsByHolder = CollectHolders(siecle, legacyAccounts);
        report.Holders = accountsByHolder.Count;
        CheckAttachments(siecle, legacyAccounts);

        var groups = Group(siecle, accountsByHolder);
        var plannedByPerson = new Dictionary<string, PlannedAccount>(StringComparer.Ordinal);
        var hints = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<string>(existing.Identifiers, StringComparer.Ordinal);
        var pupils = new Dictionary<string, SieclePupil>(StringComparer.Ordinal);
        foreach (var planned in groups)
        {
            foreach (var person in planned.Persons)
            {
                plannedByPerson[person.Key] = planned;
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
        ReportPossibleDuplicates(siecle, plannedByPerson);
        report.Persons = groups.Count;
        return new MigrationPlan
        {
            Uajs = new SortedSet<string>(pupils.Values.Select(p => p.Uaj).Concat(groups.SelectMany(g => g.Persons.Select(p => p.Uaj))), StringComparer.Ordinal),
            Pupils = pupils.Values.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            Accounts = groups,
        };
    }

    /// <summary>Rule 2: the holders found in SIECLE, each with the legacy accounts they hold.</summary>
    private Dictionary<string, List<LegacyAccount>> CollectHolders(SiecleData siecle, IReadOnlyList<LegacyAccount> legacyAccounts)
    {
        var byHolder = new Dictionary<string, List<LegacyAccount>>(StringComparer.Ordinal);
        foreach (var account in legacyAccounts)
        {
            var found = account.Holders.Where(siecle.Persons.ContainsKey).Distinct().ToList();
            foreach (var missing in account.Holders.Where(h => !siecle.Persons.ContainsKey(h)))
            {
                if (found.Count == 0)
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

            foreach (var holder in found)
            {
                if (!byHolder.TryGetValue(holder, out var list))
                {
                    byHolder[holder] = list = [];
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
                else if (!siecle.Persons.TryGetValue(attachment.PersonKey, out var person)
                    || !person.Responsibilities.Any(r => r.PupilKey == attachment.PupilKey && r.Level != ResponsibilityLevel.Contact))
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

    /// <summary>Rule 1: holders merged with every SIECLE person of the same identity, sorted for deterministic identifiers.</summary>
    private List<PlannedAccount> Group(SiecleData siecle, Dictionary<string, List<LegacyAccount>> accountsByHolder)
    {
        var holderIdentities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var holder in accountsByHolder.Keys)
        {
            if (siecle.Persons[holder].IdentityKey is { } key)
            {
                holderIdentities[holder] = key;
            }
        }

        var classes = new Dictionary<string, List<SieclePerson>>(StringComparer.Ordinal);
        foreach (var identity in holderIdentities.Values)
        {
            classes.TryAdd(identity, []);
        }

        foreach (var person in siecle.Persons.Values)
        {
            if (person.IdentityKey is { } identity && classes.TryGetValue(identity, out var members))
            {
                members.Add(person);
            }
        }

        var groups = new Dictionary<string, (List<SieclePerson> Persons, List<string> Holders)>(StringComparer.Ordinal);
        foreach (var holder in accountsByHolder.Keys)
        {
            var groupKey = holderIdentities.TryGetValue(holder, out var identity) ? identity : "#" + holder;
            if (!groups.TryGetValue(groupKey, out var group))
            {
                group = (identity is null ? [siecle.Persons[holder]] : classes[identity], []);
                groups[groupKey] = group;
            }

            group.Holders.Add(holder);
        }

        var planned = new List<PlannedAccount>(groups.Count);
        foreach (var (persons, holders) in groups.Values)
        {
            persons.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            holders.Sort(StringComparer.Ordinal);
            var representative = siecle.Persons[holders[0]];
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
            account.LegacyAccounts.AddRange(holders.SelectMany(h => accountsByHolder[h]).Distinct().OrderBy(a => a.CompteId, StringComparer.Ordinal));
            planned.Add(account);
        }

        planned.Sort((a, b) =>
        {
            var byBase = string.CompareOrdinal(a.BaseIdentifier, b.BaseIdentifier);
            return byBase != 0 ? byBase : string.CompareOrdinal(a.Representative.Key, b.Representative.Key);
        });
        return planned;
    }

    private static int? FindExistingAccount(PlannedAccount planned, ExistingDirectory existing)
    {
        int? found = null;
        foreach (var person in planned.Persons)
        {
            if (existing.PersonsBySiecleKey.TryGetValue(person.Key, out var row) && row.AccountId is { } id)
            {
                found = Math.Min(id, found ?? int.MaxValue);
            }
        }

        if (found is null && planned.Representative.IdentityKey is { } identity
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
        var holders = planned.Persons.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var best = planned.LegacyAccounts
            .Where(a => a.Email is not null && holders.Contains(EmailHolder(a)))
            .OrderByDescending(a => a.EmailConfirmed)
            .ThenByDescending(a => a.LastLoginOn ?? DateOnly.MinValue)
            .ThenByDescending(a => a.CreatedOn ?? DateOnly.MinValue)
            .ThenBy(a => a.CompteId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is not null)
        {
            planned.Email = best.Email;
            planned.EmailConfirmed = best.EmailConfirmed;
        }
        else
        {
            planned.Email = planned.Representative.Email ?? planned.Persons.FirstOrDefault(p => p.Email is not null)?.Email;
            planned.EmailConfirmed = false;
        }

        planned.Status = planned.EmailConfirmed ? AccountStatus.NotifieNonActive : AccountStatus.NonNotifie;
    }

    /// <summary>
    /// The legacy account's address belongs to its first holder. When that holder is missing from SIECLE the address is
    /// not passed to the second one (it was not theirs): they get their SIECLE address, as rule 5 says for second holders.
    /// </summary>
    private static string EmailHolder(LegacyAccount account) => account.Holders[0];

    /// <summary>Rule 3: every pupil of level 1 or 2 in the current data, through any of the account's persons.</summary>
    private void AddLinks(PlannedAccount planned, ExistingDirectory existing, Dictionary<string, SieclePupil> current, Dictionary<string, SieclePupil> pupils)
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
                var duplicate = planned.Links.FindIndex(l => l.Person == person && l.Pupil == pupil);
                if (duplicate >= 0)
                {
                    if (responsibility.Level < planned.Links[duplicate].Level)
                    {
                        planned.Links[duplicate] = planned.Links[duplicate] with { Level = responsibility.Level };
                    }

                    continue;
                }

                planned.Links.Add(new PlannedLink(person, pupil, responsibility.Level, responsibility.RelationshipCode));
                pupils.TryAdd(pupil.Key, pupil);
                var isNew = !(existing.PersonsBySiecleKey.TryGetValue(person.Key, out var row)
                    && existing.PupilIds.TryGetValue(pupil.Key, out var pupilId)
                    && existing.Links.Contains(ExistingDirectory.LinkKey(row.PersonId, pupilId)));
                if (isNew)
                {
                    report.PupilLinks++;
                    if (!planned.LegacyAccounts.Any(a => a.Attachments.Any(x => x.PupilKey == pupil.Key)))
                    {
                        report.LinksAddedByRapprochement++;
                    }
                }
            }
        }
    }

    /// <summary>Rule 8: each old identifier becomes an alias of the account of the legacy account's first holder.</summary>
    private void AddAliases(List<PlannedAccount> groups, ExistingDirectory existing, HashSet<string> identifiers)
    {
        var owners = new Dictionary<string, PlannedAccount>(StringComparer.Ordinal);
        foreach (var planned in groups)
        {
            var persons = planned.Persons.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var legacy in planned.LegacyAccounts.Where(a => persons.Contains(EmailHolder(a))))
            {
                var alias = legacy.Identifier;
                var record = $"COMPTE {legacy.CompteId}";
                if (owners.TryGetValue(alias, out var other))
                {
                    if (other != planned)
                    {
                        report.Note(legacy.File, legacy.Line, record, "ancien_identifiant_en_double",
                            $"l'ancien identifiant est aussi celui d'un autre compte ({other.Representative.Key}) : il n'est gardé que pour le premier.");
                    }

                    continue;
                }

                if (existing.AliasOwners.TryGetValue(alias, out var ownerId))
                {
                    if (ownerId != planned.ExistingAccountId)
                    {
                        report.Note(legacy.File, legacy.Line, record, "ancien_identifiant_deja_pris",
                            "l'ancien identifiant désigne déjà un autre compte de l'annuaire : il n'est pas repris.");
                    }

                    owners[alias] = planned;
                    continue;
                }

                if (identifiers.Contains(alias))
                {
                    report.Note(legacy.File, legacy.Line, record, "ancien_identifiant_deja_pris",
                        "l'ancien identifiant est l'identifiant d'un compte de l'annuaire : il n'est pas repris comme alias.");
                    continue;
                }

                owners[alias] = planned;
                planned.Aliases.Add(alias);
                report.AliasesAdded++;
            }
        }
    }

    /// <summary>Rule 1's near misses: same names in two établissements with only the phone or only the e-mail equal.</summary>
    private void ReportPossibleDuplicates(SiecleData siecle, Dictionary<string, PlannedAccount> plannedByPerson)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in plannedByPerson.Keys)
        {
            names.Add(siecle.Persons[key].NameKey);
        }

        var buckets = new Dictionary<string, List<SieclePerson>>(StringComparer.Ordinal);
        foreach (var person in siecle.Persons.Values)
        {
            var name = person.NameKey;
            if (names.Contains(name))
            {
                if (!buckets.TryGetValue(name, out var list))
                {
                    buckets[name] = list = [];
                }

                list.Add(person);
            }
        }

        foreach (var bucket in buckets.Values.Where(b => b.Count > 1))
        {
            var byMobile = bucket.Where(p => p.Mobile is not null).ToLookup(p => p.Mobile!, StringComparer.Ordinal);
            var byEmail = bucket.Where(p => p.Email is not null).ToLookup(p => p.Email!, StringComparer.Ordinal);
            foreach (var a in bucket.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!plannedByPerson.TryGetValue(a.Key, out var aAccount))
                {
                    continue;
                }

                var candidates = (a.Mobile is null ? [] : byMobile[a.Mobile]).Concat(a.Email is null ? [] : byEmail[a.Email]).Distinct();
                foreach (var b in candidates.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var bAccount = plannedByPerson.GetValueOrDefault(b.Key);
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
    }
}
