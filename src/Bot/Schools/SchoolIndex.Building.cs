using System.Globalization;
using SupportBot.AccountDirectory.Schools;

namespace SupportBot.Bot.Schools;

// Building the index, once at start-up: each school's name and commune folded into term ids (names and communes
// repeat, so each is folded once), a commune's head kept apart (the short name parents use: « Montfort » of
// Montfort-sur-Meu), the IDF of every term over schools, the postings from a term to the schools and communes that
// hold it, and the sorted, phonetic and deletion look-ups of the terms. Everything a look-up needs is made an array
// read here, so the cost is paid once and not per message.
internal sealed partial class SchoolIndex
{
    private SchoolIndex(SchoolEntry[] schools)
    {
        _schools = schools;
        var n = schools.Length;
        _levels = new SchoolLevel[n];
        _sectors = new SchoolSector?[n];
        _communeOf = new int[n];
        _nameMass = new float[n];

        // Names and communes repeat (« Ecole primaire privée St Joseph » a hundred times nationally): folded once each.
        var nameCache = new Dictionary<string, (int[] Terms, SchoolLevel Level, SchoolSector? Sector)>(StringComparer.Ordinal);
        var communeCache = new Dictionary<string, int>(StringComparer.Ordinal);
        var communeByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var communeTerms = new List<int[]>();
        var communeHeads = new List<int[]>();
        var communeSchools = new List<List<int>>();
        var nameTerms = _nameTerms = new int[n][];
        var postalCodes = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var s = 0; s < n; s++)
        {
            var school = schools[s];
            if (int.TryParse(school.Uai.AsSpan(0, Math.Min(7, school.Uai.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                _byUaiNumber.TryAdd(number, s);
            }

            if (!nameCache.TryGetValue(school.Name, out var name))
            {
                var kind = new SchoolKind();
                var terms = new List<int>();
                foreach (var word in SchoolText.Words(school.Name))
                {
                    if (!kind.TryAdd(word) && !SchoolText.IsStopWord(word))
                    {
                        var term = TermId(SchoolText.Key(word));
                        if (!terms.Contains(term))
                        {
                            terms.Add(term);
                        }
                    }
                }

                name = ([.. terms], kind.Level, kind.Sector);
                nameCache[school.Name] = name;
            }

            nameTerms[s] = name.Terms;
            _levels[s] = name.Level;
            _sectors[s] = school.Sector ?? name.Sector;

            var commune = -1;
            if (!string.IsNullOrWhiteSpace(school.Commune) && !communeCache.TryGetValue(school.Commune, out commune))
            {
                // The head is what comes before the first preposition (« Montfort » of Montfort-sur-Meu, « Saint Aubin »
                // of Saint-Aubin-du-Cormier), the short name parents use.
                var terms = new List<int>();
                var head = new List<int>();
                var headEnded = false;
                var headNamesSomething = false;
                var tail = false;
                foreach (var word in SchoolText.Words(school.Commune))
                {
                    if (SchoolText.IsStopWord(word))
                    {
                        headEnded |= head.Count > 0 && SchoolText.IsPreposition(word);
                        continue;
                    }

                    var key = SchoolText.Key(word);
                    var term = TermId(key);
                    if (!terms.Contains(term))
                    {
                        terms.Add(term);
                    }

                    if (headEnded)
                    {
                        tail = true;
                    }
                    else
                    {
                        head.Add(term);
                        headNamesSomething |= key != "saint";
                    }
                }

                var communeKey = string.Join(' ', terms);
                if (terms.Count == 0)
                {
                    commune = -1;
                }
                else if (!communeByKey.TryGetValue(communeKey, out commune))
                {
                    commune = communeTerms.Count;
                    communeByKey[communeKey] = commune;
                    communeTerms.Add([.. terms]);
                    // « Saint » alone is no short name: Saint-M'Hervé is not « saint ».
                    communeHeads.Add(tail && headNamesSomething ? [.. head] : []);
                    communeSchools.Add([]);
                    _communeNames.Add(school.Commune.Trim());
                }

                communeCache[school.Commune] = commune;
            }

            _communeOf[s] = commune;
            if (commune >= 0)
            {
                communeSchools[commune].Add(s);
                if (school.PostalCode is { Length: 5 } postalCode && postalCode.All(char.IsAsciiDigit))
                {
                    if (!postalCodes.TryGetValue(postalCode, out var communes))
                    {
                        postalCodes[postalCode] = communes = [];
                    }

                    communes.Add(commune);
                }
            }
        }

        _terms = new string[_termIds.Count];
        foreach (var (text, id) in _termIds)
        {
            _terms[id] = text;
        }

        _communeSchools = [.. communeSchools.Select(c => c.ToArray())];

        // Document frequency over schools, a term counted once per school whether in its name or its commune.
        var termCount = _terms.Length;
        var frequency = new int[termCount];
        var nameCount = new int[termCount];
        var seen = new int[termCount];
        Array.Fill(seen, -1);
        for (var s = 0; s < n; s++)
        {
            foreach (var term in nameTerms[s])
            {
                nameCount[term]++;
                seen[term] = s;
                frequency[term]++;
            }

            if (_communeOf[s] >= 0)
            {
                foreach (var term in communeTerms[_communeOf[s]])
                {
                    if (seen[term] != s)
                    {
                        seen[term] = s;
                        frequency[term]++;
                    }
                }
            }
        }

        _idf = new float[termCount];
        for (var t = 0; t < termCount; t++)
        {
            _idf[t] = Idf(n, Math.Max(1, frequency[t]));
        }

        _unknownWordMass = UnknownWordShare * Idf(n, 1);

        _termSchools = new int[termCount][];
        for (var t = 0; t < termCount; t++)
        {
            _termSchools[t] = nameCount[t] == 0 ? [] : new int[nameCount[t]];
        }

        Array.Clear(nameCount);
        for (var s = 0; s < n; s++)
        {
            var mass = 0f;
            foreach (var term in nameTerms[s])
            {
                _termSchools[term][nameCount[term]++] = s;
                mass += _idf[term];
            }

            _nameMass[s] = mass;
        }

        var communeCount = new int[termCount];
        foreach (var terms in communeTerms)
        {
            foreach (var term in terms)
            {
                communeCount[term]++;
            }
        }

        _termCommunes = new int[termCount][];
        for (var t = 0; t < termCount; t++)
        {
            _termCommunes[t] = communeCount[t] == 0 ? [] : new int[communeCount[t]];
        }

        Array.Clear(communeCount);
        _communeMass = new float[communeTerms.Count];
        _communeHeadMass = new float[communeTerms.Count];
        _communeHeads = [.. communeHeads];
        _communeTerms = [.. communeTerms];
        for (var c = 0; c < communeTerms.Count; c++)
        {
            foreach (var term in communeTerms[c])
            {
                _termCommunes[term][communeCount[term]++] = c;
                _communeMass[c] += _idf[term];
            }

            foreach (var term in _communeHeads[c])
            {
                _communeHeadMass[c] += _idf[term];
            }
        }

        foreach (var (postalCode, communes) in postalCodes)
        {
            var ids = communes.Order().ToArray();
            _communesByPostalCode[postalCode] = ids;
            _postalCodeWeight[postalCode] = Idf(n, ids.Sum(c => _communeSchools[c].Length));
        }

        _sortedTerms = (string[])_terms.Clone();
        _sortedTermIds = [.. Enumerable.Range(0, termCount)];
        Array.Sort(_sortedTerms, _sortedTermIds, StringComparer.Ordinal);

        var bySound = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < termCount; t++)
        {
            if (_terms[t].Length >= 3 && !char.IsAsciiDigit(_terms[t][0]))
            {
                var sound = SchoolText.Phonetic(_terms[t]);
                if (!bySound.TryGetValue(sound, out var list))
                {
                    bySound[sound] = list = [];
                }

                list.Add(t);
            }
        }

        foreach (var (sound, list) in bySound)
        {
            _termsBySound[sound] = [.. list];
        }

        _fuzzy = new DeletionIndex(_terms);
    }

    private static float Idf(int schools, int frequency) => MathF.Log(1f + (float)schools / frequency);

    private int TermId(string key)
    {
        if (!_termIds.TryGetValue(key, out var id))
        {
            id = _termIds.Count;
            _termIds[key] = id;
        }

        return id;
    }
}
