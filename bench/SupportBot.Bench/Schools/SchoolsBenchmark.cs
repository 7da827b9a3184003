using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SupportBot.AccountDirectory.Schools.Annuaire;
using SupportBot.Bot.Schools;

namespace SupportBot.Bench.Schools;

/// <summary>
/// The school index at the national annuaire's size: the reference extract's schools copied under new UAIs, each copy
/// in communes of its own (« Rennes-Kerlanmor »: a commune name nobody else has, as the 35,000 communes of France
/// mostly are), names kept as they are (« Jean Moulin » and « St Joseph » repeat by hundreds nationally too). Looked up
/// with the labelled phrasings and phrasings written for random copies (name and commune, commune alone, name alone,
/// kind hints, one typo in a word in five).
/// </summary>
internal static class SchoolsBenchmark
{
    private static readonly string[] Syllables =
        ["ker", "lan", "mor", "pen", "gou", "ven", "plo", "tre", "riec", "bi", "han", "dou", "nan", "ti", "vic", "quel", "bras", "sul",
         "roz", "gal", "mel", "bre", "loc", "mar", "nev", "pont", "guer", "lez", "cam", "dre"];

    public static int Run(int size, double seconds)
    {
        var reference = Reference();
        var schools = Replicate(reference, size);
        var phrasings = Phrasings(reference, schools);

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var cold = Stopwatch.StartNew();
        var index = SchoolIndex.Build(schools);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var warm = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            SchoolIndex.Build(schools);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }

        var decisions = phrasings.Select(p => index.Find(p)).GroupBy(r => r.Decision).ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count());
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        foreach (var text in phrasings)
        {
            index.Find(text);
        }

        var allocatedPerLookup = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)phrasings.Length;
        var oneThread = Measure(index, phrasings, seconds, threads: 1);
        var twoThreads = Measure(index, phrasings, seconds, threads: 2);

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "schools",
            processors = Environment.ProcessorCount,
            schools = index.Count,
            communes = index.CommuneCount,
            terms = index.TermCount,
            phrasings = phrasings.Length,
            decisions,
            buildColdMs = Math.Round(coldMs, 1),
            buildWarmMs = Math.Round(warm.Order().ElementAt(warm.Count / 2), 1),
            indexMegabytes = Math.Round(indexBytes / 1048576.0, 1),
            lookupsPerSecond1Thread = Math.Round(oneThread),
            lookupsPerSecond2Threads = Math.Round(twoThreads),
            microsecondsPerLookup1Thread = Math.Round(1e6 / oneThread, 1),
            bytesAllocatedPerLookup = Math.Round(allocatedPerLookup),
        }));
        return 0;
    }

    private static List<SchoolEntry> Reference()
    {
        using var reader = AnnuaireReader.OpenReference();
        return [.. AnnuaireSchools.Read(reader)];
    }

    private static List<SchoolEntry> Replicate(List<SchoolEntry> reference, int size)
    {
        var schools = new List<SchoolEntry>(size);
        schools.AddRange(reference.Take(size));
        var number = 3_600_000;
        for (var copy = 1; schools.Count < size; copy++)
        {
            var communes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var school in reference)
            {
                if (schools.Count >= size)
                {
                    break;
                }

                var commune = school.Commune ?? "";
                if (!communes.TryGetValue(commune, out var renamed))
                {
                    var random = new Random(copy * 7919 + communes.Count);
                    var word = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));
                    renamed = $"{commune}-{char.ToUpperInvariant(word[0])}{word[1..]}";
                    communes[commune] = renamed;
                }

                var uai = number.ToString("0000000", CultureInfo.InvariantCulture) + "ABCDEFGHJKLMNPRSTUVWXYZ"[number % 23];
                number++;
                var postalCode = ((copy % 95) + 1).ToString("00", CultureInfo.InvariantCulture) + (school.PostalCode is { Length: 5 } p ? p[2..] : "000");
                schools.Add(new SchoolEntry(uai, school.Name, renamed, postalCode, school.Sector));
            }
        }

        return schools;
    }

    private static string[] Phrasings(List<SchoolEntry> reference, List<SchoolEntry> schools)
    {
        var phrasings = new List<string>();
        var labelled = Path.Combine(AppContext.BaseDirectory, "Schools", "school-phrasings.tsv");
        phrasings.AddRange(File.ReadLines(labelled).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]));
        var random = new Random(42);
        while (phrasings.Count < 2000)
        {
            var school = random.Next(4) == 0 ? reference[random.Next(reference.Count)] : schools[random.Next(schools.Count)];
            var name = ShortName(school.Name);
            var commune = (school.Commune ?? "").ToLowerInvariant();
            var text = random.Next(6) switch
            {
                0 => $"{name} {commune}",
                1 => $"l'école {name} à {commune}",
                2 => $"ecole {name}",
                3 => commune,
                4 => $"{(random.Next(2) == 0 ? "maternelle" : "elementaire")} {name} {commune}",
                _ => $"bonjour mon fils est à l'ecole {name} de {commune} merci",
            };
            phrasings.Add(random.Next(5) == 0 ? Typo(text, random) : text);
        }

        return [.. phrasings];
    }

    /// <summary>« Ecole primaire privée St Joseph » → « st joseph »: the name as parents say it.</summary>
    private static string ShortName(string name)
    {
        var words = name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("ecole" or "école" or "primaire" or "maternelle" or "élémentaire" or "publique" or "privée" or "privee"));
        return string.Join(' ', words);
    }

    private static string Typo(string text, Random random)
    {
        var words = text.Split(' ');
        var at = random.Next(words.Length);
        var word = words[at];
        if (word.Length >= 5)
        {
            var i = random.Next(1, word.Length - 1);
            words[at] = random.Next(2) == 0 ? word.Remove(i, 1) : string.Concat(word.AsSpan(0, i - 1), word[i].ToString(), word[i - 1].ToString(), word.AsSpan(i + 1));
        }

        return string.Join(' ', words);
    }

    private static double Measure(SchoolIndex index, string[] phrasings, double seconds, int threads)
    {
        // Warm-up: tiered JIT and the scratch pool.
        Parallel.For(0, threads, t =>
        {
            foreach (var text in phrasings)
            {
                index.Find(text);
            }
        });

        var total = 0L;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var count = 0L;
            var i = t * phrasings.Length / threads;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (var k = 0; k < 100; k++)
                {
                    index.Find(phrasings[i]);
                    i = i + 1 == phrasings.Length ? 0 : i + 1;
                }

                count += 100;
            }

            Interlocked.Add(ref total, count);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return total / watch.Elapsed.TotalSeconds;
    }
}
