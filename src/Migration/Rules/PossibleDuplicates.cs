using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 1's near misses: persons of two établissements with the same folded names and only the mobile or only the
/// e-mail in common are kept apart (two accounts, or one account and a person without one) and reported as possible
/// duplicates, once per pair, from the person with an account that comes first. Reads the plan without changing it,
/// so it may run while the plan is written; it only adds to the report, which nothing else touches meanwhile.
/// </summary>
internal sealed class PossibleDuplicates(NameBuckets buckets, PlannedAccount?[] accountByPerson, MigrationReport report)
{
    public void Report()
    {
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
                if (accountByPerson[a.Index] is not { } aAccount)
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
                    var bAccount = accountByPerson[b.Index];
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
