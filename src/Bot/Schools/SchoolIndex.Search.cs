namespace SupportBot.Bot.Schools;

internal sealed partial class SchoolIndex
{
    /// <summary>What a text says once folded: the words that may name a school or a commune, postal codes, the kind asked for.</summary>
    private sealed class Query
    {
        public List<string> Words { get; } = [];

        /// <summary>Each word's length as typed, which sets how many typos it may carry.</summary>
        public List<int> Lengths { get; } = [];

        public List<string> PostalCodes { get; } = [];

        /// <summary>Whether the text names another kind of establishment (« le collège », « la crèche »).</summary>
        public bool OtherEstablishment { get; set; }

        public SchoolKind Kind { get; } = new();
    }

    /// <summary>
    /// Per-look-up arrays, one slot per school and per commune, reset by generation stamps rather than cleared, so a
    /// look-up touches only the postings of its words.
    /// </summary>
    private sealed class Scratch(int schools, int communes)
    {
        public int Generation;
        public int TokenGeneration;

        public readonly int[] Stamp = new int[schools];
        public readonly int[] TokenStamp = new int[schools];
        public readonly float[] Total = new float[schools];
        public readonly float[] NameMatched = new float[schools];
        public readonly uint[] NameMask = new uint[schools];

        /// <summary>The words that matched the school's name firmly (see <see cref="Match"/>); of those, the ones not generic.</summary>
        public readonly uint[] FirmMask = new uint[schools];
        public readonly uint[] DistinctMask = new uint[schools];

        /// <summary>The weight of the school's name terms typed firmly, to tell a name typed whole.</summary>
        public readonly float[] FirmNameIdf = new float[schools];
        public readonly float[] TokenName = new float[schools];
        public readonly float[] TokenFirm = new float[schools];
        public readonly float[] TokenCommune = new float[schools];
        public readonly float[] Final = new float[schools];
        public readonly float[] Explained = new float[schools];
        public readonly float[] NameCoverage = new float[schools];
        public readonly int[] Touched = new int[schools];
        public int TouchedCount;
        public readonly int[] TokenTouched = new int[schools];
        public int TokenTouchedCount;

        public readonly int[] CommuneStamp = new int[communes];
        public readonly int[] CommuneTokenStamp = new int[communes];
        public readonly int[] CommuneBestStamp = new int[communes];
        public readonly int[] CommuneNamedStamp = new int[communes];
        public readonly float[] CommuneCovered = new float[communes];
        public readonly float[] CommuneToken = new float[communes];
        public readonly float[] CommuneHeadCovered = new float[communes];
        public readonly float[] CommuneShare = new float[communes];
        public readonly float[] CommuneMatched = new float[communes];
        public readonly float[] CommuneTokenMatched = new float[communes];
        public readonly float[] CommuneHeadToken = new float[communes];

        /// <summary>How much of the commune's head was typed firmly, by words that are not generic.</summary>
        public readonly float[] CommuneFirmHead = new float[communes];
        public readonly float[] CommuneTokenFirm = new float[communes];
        public readonly float[] CommuneHeadTokenFirm = new float[communes];
        public readonly uint[] CommuneMask = new uint[communes];

        /// <summary>The words that matched the commune firmly and are not generic.</summary>
        public readonly uint[] CommuneDistinctMask = new uint[communes];
        public readonly int[] CommuneTouched = new int[communes];
        public int CommuneTouchedCount;
        public readonly int[] CommuneTokenTouched = new int[communes];
        public int CommuneTokenTouchedCount;

        public readonly float[] WordMass = new float[MaxWords];
        public readonly float[] WordBestShare = new float[MaxWords];
        public float Mass;
        public uint AllWords;

        /// <summary>The words that are everyday French (<see cref="SchoolText.IsGeneric"/>).</summary>
        public uint GenericWords;

        /// <summary>The words that named a commune, any that the text names (not only the best).</summary>
        public uint NamingWords;

        /// <summary>The words beside the best named communes, and the most of their weight a school of theirs has in its name.</summary>
        public uint RestWords;
        public float RestFits;

        public readonly List<(int Term, float Similarity, bool Firm)> Matches = [];
        public readonly List<(int Term, float Similarity, bool Firm)>[] WordMatches = [.. Enumerable.Range(0, MaxWords).Select(_ => new List<(int, float, bool)>())];
        public readonly string?[] WordPostalCode = new string?[MaxWords];
        public readonly List<(int Term, float Weight, float Firm)> Deferred = [];
        public readonly List<(int Commune, float Weight)>[] WordCommunes = [.. Enumerable.Range(0, MaxWords).Select(_ => new List<(int, float)>())];
        public readonly List<int> Communes = [];
        public readonly List<(int Term, int Distance)> Fuzzy = [];

        public void BeginQuery()
        {
            if (Generation == int.MaxValue)
            {
                Array.Clear(Stamp);
                Array.Clear(CommuneStamp);
                Array.Clear(CommuneBestStamp);
                Array.Clear(CommuneNamedStamp);
                Generation = 0;
            }

            Generation++;
            TouchedCount = 0;
            CommuneTouchedCount = 0;
            Mass = 0;
            AllWords = 0;
            GenericWords = 0;
            NamingWords = 0;
            Array.Clear(WordMass);
            Array.Clear(WordBestShare);
        }

        public void BeginToken()
        {
            if (TokenGeneration == int.MaxValue)
            {
                Array.Clear(TokenStamp);
                Array.Clear(CommuneTokenStamp);
                TokenGeneration = 0;
            }

            TokenGeneration++;
            TokenTouchedCount = 0;
            CommuneTokenTouchedCount = 0;
        }

        /// <summary>Marks a commune of the current word with its weight (the word's commune slots, free once the communes were scored).</summary>
        public void MarkCommune(int commune, float weight)
        {
            CommuneTokenStamp[commune] = TokenGeneration;
            CommuneToken[commune] = weight;
        }

        public void TouchToken(int school)
        {
            if (TokenStamp[school] != TokenGeneration)
            {
                TokenStamp[school] = TokenGeneration;
                TokenName[school] = 0;
                TokenFirm[school] = 0;
                TokenCommune[school] = 0;
                TokenTouched[TokenTouchedCount++] = school;
            }
        }

        public void TouchCommuneToken(int commune)
        {
            if (CommuneTokenStamp[commune] != TokenGeneration)
            {
                CommuneTokenStamp[commune] = TokenGeneration;
                CommuneToken[commune] = 0;
                CommuneTokenMatched[commune] = 0;
                CommuneHeadToken[commune] = 0;
                CommuneTokenFirm[commune] = 0;
                CommuneHeadTokenFirm[commune] = 0;
                CommuneTokenTouched[CommuneTokenTouchedCount++] = commune;
            }
        }

        public void Touch(int school)
        {
            if (Stamp[school] != Generation)
            {
                Stamp[school] = Generation;
                Total[school] = 0;
                NameMatched[school] = 0;
                NameMask[school] = 0;
                FirmMask[school] = 0;
                DistinctMask[school] = 0;
                FirmNameIdf[school] = 0;
                Touched[TouchedCount++] = school;
            }
        }

        public void TouchCommune(int commune)
        {
            if (CommuneStamp[commune] != Generation)
            {
                CommuneStamp[commune] = Generation;
                CommuneCovered[commune] = 0;
                CommuneMatched[commune] = 0;
                CommuneHeadCovered[commune] = 0;
                CommuneFirmHead[commune] = 0;
                CommuneMask[commune] = 0;
                CommuneDistinctMask[commune] = 0;
                CommuneTouched[CommuneTouchedCount++] = commune;
            }
        }

        public bool InBest(int commune) => commune >= 0 && CommuneBestStamp[commune] == Generation;

        public bool InNamed(int commune) => commune >= 0 && CommuneNamedStamp[commune] == Generation;
    }

    private Query Parse(string text)
    {
        var query = new Query();
        var words = new List<string>();
        foreach (var word in SchoolText.Words(text))
        {
            if (word.Length == 5 && word.All(char.IsAsciiDigit))
            {
                if (_communesByPostalCode.ContainsKey(word))
                {
                    query.PostalCodes.Add(word);
                }
            }
            else if (SchoolText.IsOtherEstablishment(SchoolText.Key(word)))
            {
                query.OtherEstablishment = true;
            }
            else if (!query.Kind.TryAdd(word) && !SchoolText.IsStopWord(word) && !word.All(char.IsAsciiDigit))
            {
                words.Add(word);
            }
        }

        for (var i = 0; i < words.Count && query.Words.Count < MaxWords; i++)
        {
            var key = SchoolText.Key(words[i]);
            // « chateau giron », « bourg chevreuil »: two words that are one term once joined.
            if (i + 1 < words.Count && !(_termIds.ContainsKey(key) && _termIds.ContainsKey(SchoolText.Key(words[i + 1])))
                && _termIds.ContainsKey(SchoolText.Key(words[i] + words[i + 1])))
            {
                query.Words.Add(SchoolText.Key(words[i] + words[i + 1]));
                query.Lengths.Add(words[i].Length + words[i + 1].Length);
                i++;
                continue;
            }

            // « corpsnuds », « stmalo »: one word typed for two terms.
            if (!_termIds.ContainsKey(key) && Split(words[i]) is var (left, right) && query.Words.Count + 1 < MaxWords)
            {
                query.Words.Add(left);
                query.Lengths.Add(left.Length);
                query.Words.Add(right);
                query.Lengths.Add(right.Length);
                continue;
            }

            query.Words.Add(key);
            query.Lengths.Add(words[i].Length);
        }

        return query;
    }

    /// <summary>The two terms <paramref name="word"/> is made of, the most even cut first, or null.</summary>
    private (string Left, string Right)? Split(string word)
    {
        if (word.Length < 6 || word.Any(char.IsAsciiDigit))
        {
            return null;
        }

        for (var offset = 0; offset <= word.Length / 2; offset++)
        {
            foreach (var cut in (ReadOnlySpan<int>)[word.Length / 2 - offset, word.Length / 2 + offset])
            {
                if (cut < 2 || cut > word.Length - 3)
                {
                    continue;
                }

                var left = word[..cut] switch
                {
                    "st" => "saint",
                    "ste" => "saint",
                    var other => SchoolText.Key(other),
                };
                var right = SchoolText.Key(word[cut..]);
                if (_termIds.ContainsKey(left) && _termIds.ContainsKey(right))
                {
                    return (left, right);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Each word's weight goes to the schools whose name or commune holds a term it matches (the better of the two
    /// fields, never both), times how close the match is; communes collect how much of their own name was typed.
    /// Words go rarest first; once those left cannot lift a school they have not met to <see cref="MinExplained"/>
    /// of the text (MaxScore's bound), they only add to the schools already met: « saint » and « rennes » no longer
    /// walk a tenth of the country. Communes are always scored in full, and the schools of the named ones completed,
    /// so the rules see every school that could matter.
    /// </summary>
    private void Score(Query query, Scratch scratch)
    {
        scratch.BeginQuery();
        var words = 0;
        for (var w = 0; w < query.Words.Count; w++, words++)
        {
            var mass = Match(query.Words[w], query.Lengths[w], scratch);
            var matches = scratch.WordMatches[words];
            matches.Clear();
            matches.AddRange(scratch.Matches);
            scratch.WordPostalCode[words] = null;
            if (SchoolText.IsGeneric(query.Words[w]))
            {
                scratch.GenericWords |= 1u << words;
            }

            if (matches.Count == 0)
            {
                // A short stray (« cm », « ok ») says nothing; a longer unknown word may be the name the index lacks.
                mass = query.Lengths[w] >= 3 && !SchoolText.IsGeneric(query.Words[w]) ? _unknownWordMass : 0;
            }

            scratch.WordMass[words] = mass;
        }

        foreach (var postalCode in query.PostalCodes)
        {
            if (words >= MaxWords)
            {
                break;
            }

            scratch.WordMatches[words].Clear();
            scratch.WordPostalCode[words] = postalCode;
            scratch.WordMass[words++] = _postalCodeWeight[postalCode];
        }

        Span<int> order = stackalloc int[words];
        var scorable = 0;
        var remaining = 0f;
        for (var bit = 0; bit < words; bit++)
        {
            scratch.Mass += scratch.WordMass[bit];
            if (scratch.WordMass[bit] > 0)
            {
                scratch.AllWords |= 1u << bit;
            }

            if (scratch.WordMatches[bit].Count > 0 || scratch.WordPostalCode[bit] is not null)
            {
                var at = scorable++;
                while (at > 0 && scratch.WordMass[order[at - 1]] < scratch.WordMass[bit])
                {
                    order[at] = order[at - 1];
                    at--;
                }

                order[at] = bit;
                remaining += scratch.WordMass[bit];
            }
        }

        foreach (var bit in order[..scorable])
        {
            ScoreCommunes(scratch, bit);
        }

        for (var i = 0; i < scratch.CommuneTouchedCount; i++)
        {
            var commune = scratch.CommuneTouched[i];
            // How much of the commune's name the words matched at all: a typo is already paid for by its similarity.
            var matched = Math.Min(1f, scratch.CommuneMatched[commune] / _communeMass[commune]);
            scratch.CommuneShare[commune] = Math.Max(matched, CommuneCoverage(commune, scratch));
        }

        // Relative to the best commune each word names: « mezière » is all of La Mézière and half of
        // Mézières-sur-Couesnon, but « cesson » alone is all of Cesson-Sévigné, the one commune it names.
        foreach (var bit in order[..scorable])
        {
            var best = 0f;
            foreach (var (commune, _) in scratch.WordCommunes[bit])
            {
                best = Math.Max(best, scratch.CommuneShare[commune]);
            }

            scratch.WordBestShare[bit] = best;
        }

        BestCommunes(scratch);
        var reach = MinExplained * scratch.Mass * 0.999f;
        foreach (var bit in order[..scorable])
        {
            ScoreWord(scratch, bit, meetsNewSchools: remaining >= reach);
            remaining -= scratch.WordMass[bit];
        }

        foreach (var commune in scratch.Communes)
        {
            foreach (var school in _communeSchools[commune])
            {
                if (scratch.Stamp[school] != scratch.Generation)
                {
                    ScoreSchool(scratch, school, words);
                }
            }
        }

        for (var i = 0; i < scratch.TouchedCount; i++)
        {
            var school = scratch.Touched[i];
            var explained = scratch.Mass > 0 ? Math.Min(1f, scratch.Total[school] / scratch.Mass) : 0;
            var nameCoverage = _nameMass[school] > 0 ? Math.Min(1f, scratch.NameMatched[school] / _nameMass[school]) : 0;
            var commune = _communeOf[school];
            var communeCoverage = commune >= 0 && scratch.CommuneStamp[commune] == scratch.Generation ? scratch.CommuneShare[commune] : 0;
            scratch.Explained[school] = explained;
            scratch.NameCoverage[school] = nameCoverage;
            // How much of the query the school explains, nudged by how much of the school the query names: « st joseph »
            // sets « St Joseph » above « St Joseph de Bonabry », « saint malo » the town's schools beside those so named.
            scratch.Final[school] = explained * (0.8f + 0.2f * Math.Max(nameCoverage, communeCoverage))
                * query.Kind.Factor(_levels[school], _sectors[school]);
        }
    }

    /// <summary>What one word says of the communes: the weight of its best match in each, and how much of each name it covers.</summary>
    private void ScoreCommunes(Scratch scratch, int bit)
    {
        scratch.BeginToken();
        var postal = scratch.WordPostalCode[bit] is not null;
        if (scratch.WordPostalCode[bit] is { } postalCode)
        {
            foreach (var commune in _communesByPostalCode[postalCode])
            {
                scratch.TouchCommuneToken(commune);
                scratch.CommuneToken[commune] = scratch.WordMass[bit];
            }
        }

        var generic = (scratch.GenericWords & (1u << bit)) != 0;
        foreach (var (term, similarity, firm) in scratch.WordMatches[bit])
        {
            var weight = similarity * _idf[term];
            foreach (var commune in _termCommunes[term])
            {
                scratch.TouchCommuneToken(commune);
                scratch.CommuneToken[commune] = Math.Max(scratch.CommuneToken[commune], weight);
                scratch.CommuneTokenMatched[commune] = Math.Max(scratch.CommuneTokenMatched[commune], _idf[term]);
                if (firm)
                {
                    scratch.CommuneTokenFirm[commune] = Math.Max(scratch.CommuneTokenFirm[commune], weight);
                }

                if ((weight > scratch.CommuneHeadToken[commune] || (firm && !generic && weight > scratch.CommuneHeadTokenFirm[commune]))
                    && Array.IndexOf(_communeHeads[commune], term) >= 0)
                {
                    scratch.CommuneHeadToken[commune] = Math.Max(scratch.CommuneHeadToken[commune], weight);
                    if (firm && !generic)
                    {
                        // « bourg » is no short name for Bourg-des-Comptes: a generic word names a commune only with the rest.
                        scratch.CommuneHeadTokenFirm[commune] = Math.Max(scratch.CommuneHeadTokenFirm[commune], weight);
                    }
                }
            }
        }

        var found = scratch.WordCommunes[bit];
        found.Clear();
        for (var i = 0; i < scratch.CommuneTokenTouchedCount; i++)
        {
            var commune = scratch.CommuneTokenTouched[i];
            scratch.TouchCommune(commune);
            // A postal code names its communes whole, however long their names.
            scratch.CommuneCovered[commune] += postal ? _communeMass[commune] : scratch.CommuneToken[commune];
            scratch.CommuneMatched[commune] += postal ? _communeMass[commune] : scratch.CommuneTokenMatched[commune];
            scratch.CommuneHeadCovered[commune] += postal ? _communeHeadMass[commune] : scratch.CommuneHeadToken[commune];
            scratch.CommuneFirmHead[commune] += postal ? _communeHeadMass[commune] : scratch.CommuneHeadTokenFirm[commune];
            scratch.CommuneMask[commune] |= 1u << bit;
            if (!generic && (postal || scratch.CommuneTokenFirm[commune] > 0))
            {
                scratch.CommuneDistinctMask[commune] |= 1u << bit;
            }

            found.Add((commune, scratch.CommuneToken[commune]));
        }
    }

    /// <summary>
    /// What one word gives each school: its match in the school's name, or in its commune's, the latter in proportion
    /// to how much of the commune the text names (« mezière » is all of La Mézière, half of Mézières-sur-Couesnon).
    /// </summary>
    private void ScoreWord(Scratch scratch, int bit, bool meetsNewSchools)
    {
        scratch.BeginToken();
        scratch.Deferred.Clear();
        foreach (var (term, similarity, isFirm) in scratch.WordMatches[bit])
        {
            var weight = similarity * _idf[term];
            var firm = isFirm ? _idf[term] : 0;
            var schools = _termSchools[term];
            if (meetsNewSchools)
            {
                foreach (var school in schools)
                {
                    scratch.TouchToken(school);
                    scratch.TokenName[school] = Math.Max(scratch.TokenName[school], weight);
                    scratch.TokenFirm[school] = Math.Max(scratch.TokenFirm[school], firm);
                }
            }
            else if (schools.Length <= 4 * scratch.TouchedCount)
            {
                foreach (var school in schools)
                {
                    if (scratch.Stamp[school] == scratch.Generation)
                    {
                        scratch.TouchToken(school);
                        scratch.TokenName[school] = Math.Max(scratch.TokenName[school], weight);
                        scratch.TokenFirm[school] = Math.Max(scratch.TokenFirm[school], firm);
                    }
                }
            }
            else
            {
                // Fewer schools met than the term has: look for the term in their names instead.
                scratch.Deferred.Add((term, weight, firm));
            }
        }

        if (scratch.Deferred.Count > 0)
        {
            for (var i = 0; i < scratch.TouchedCount; i++)
            {
                var school = scratch.Touched[i];
                foreach (var (term, weight, firm) in scratch.Deferred)
                {
                    if (Array.IndexOf(_nameTerms[school], term) >= 0)
                    {
                        scratch.TouchToken(school);
                        scratch.TokenName[school] = Math.Max(scratch.TokenName[school], weight);
                        scratch.TokenFirm[school] = Math.Max(scratch.TokenFirm[school], firm);
                    }
                }
            }
        }

        var communes = scratch.WordCommunes[bit];
        var communeSchools = 0;
        foreach (var (commune, _) in communes)
        {
            communeSchools += _communeSchools[commune].Length;
        }

        if (meetsNewSchools || communeSchools <= scratch.TouchedCount)
        {
            foreach (var (commune, weight) in communes)
            {
                var share = weight * scratch.CommuneShare[commune] / scratch.WordBestShare[bit];
                foreach (var school in _communeSchools[commune])
                {
                    if (meetsNewSchools || scratch.Stamp[school] == scratch.Generation)
                    {
                        scratch.TouchToken(school);
                        scratch.TokenCommune[school] = Math.Max(scratch.TokenCommune[school], share);
                    }
                }
            }
        }
        else
        {
            // The word's communes hold more schools than were met: look up the met schools' communes instead.
            foreach (var (commune, weight) in communes)
            {
                scratch.MarkCommune(commune, weight * scratch.CommuneShare[commune] / scratch.WordBestShare[bit]);
            }

            for (var i = 0; i < scratch.TouchedCount; i++)
            {
                var school = scratch.Touched[i];
                var commune = _communeOf[school];
                if (commune >= 0 && scratch.CommuneTokenStamp[commune] == scratch.TokenGeneration)
                {
                    scratch.TouchToken(school);
                    scratch.TokenCommune[school] = Math.Max(scratch.TokenCommune[school], scratch.CommuneToken[commune]);
                }
            }
        }

        for (var i = 0; i < scratch.TokenTouchedCount; i++)
        {
            var school = scratch.TokenTouched[i];
            var name = scratch.TokenName[school];
            scratch.Touch(school);
            scratch.Total[school] += Math.Max(name, scratch.TokenCommune[school]);
            if (name > 0)
            {
                scratch.NameMatched[school] += name;
                scratch.NameMask[school] |= 1u << bit;
            }

            AddFirm(scratch, school, bit, scratch.TokenFirm[school]);
        }
    }

    /// <summary>A school of a named commune that no word met while new schools were met: scored word by word.</summary>
    private void ScoreSchool(Scratch scratch, int school, int words)
    {
        scratch.Touch(school);
        var commune = _communeOf[school];
        for (var bit = 0; bit < words; bit++)
        {
            var name = 0f;
            var inCommune = 0f;
            var share = commune >= 0 && scratch.CommuneStamp[commune] == scratch.Generation && scratch.WordBestShare[bit] > 0
                ? scratch.CommuneShare[commune] / scratch.WordBestShare[bit]
                : 0;
            if (scratch.WordPostalCode[bit] is { } postalCode)
            {
                inCommune = Array.IndexOf(_communesByPostalCode[postalCode], commune) >= 0 ? scratch.WordMass[bit] * share : 0;
            }

            var firm = 0f;
            foreach (var (term, similarity, isFirm) in scratch.WordMatches[bit])
            {
                var weight = similarity * _idf[term];
                if (Array.IndexOf(_nameTerms[school], term) >= 0)
                {
                    name = Math.Max(name, weight);
                    firm = isFirm ? Math.Max(firm, _idf[term]) : firm;
                }

                if (commune >= 0 && Array.IndexOf(_communeTerms[commune], term) >= 0)
                {
                    inCommune = Math.Max(inCommune, weight * share);
                }
            }

            scratch.Total[school] += Math.Max(name, inCommune);
            if (name > 0)
            {
                scratch.NameMatched[school] += name;
                scratch.NameMask[school] |= 1u << bit;
            }

            AddFirm(scratch, school, bit, firm);
        }
    }

    private static void AddFirm(Scratch scratch, int school, int bit, float firm)
    {
        if (firm > 0)
        {
            scratch.FirmMask[school] |= 1u << bit;
            scratch.FirmNameIdf[school] += firm;
            if ((scratch.GenericWords & (1u << bit)) == 0)
            {
                scratch.DistinctMask[school] |= 1u << bit;
            }
        }
    }

    /// <summary>
    /// How much of the commune's name was typed, or of its head when that is all that was (worth half in a school's
    /// score: « mezière » names La Mézière before Mézières-sur-Couesnon).
    /// </summary>
    private float CommuneCoverage(int commune, Scratch scratch)
    {
        var coverage = Math.Min(1f, scratch.CommuneCovered[commune] / _communeMass[commune]);
        var head = _communeHeadMass[commune] > 0 ? Math.Min(1f, scratch.CommuneHeadCovered[commune] / _communeHeadMass[commune]) : 0;
        return Math.Max(coverage, head / 2);
    }

    /// <summary>
    /// Whether the text names the commune: most of its name typed, with at least one firm word that is not generic
    /// (<paramref name="whole"/>: « plene fougeres » is Pleine-Fougères, but « brest » alone is not Brécé), or a postal
    /// code, or all of its head typed firmly (« montfort », « st aubin », but not « jean » for Saint-Jean-sur-Vilaine).
    /// </summary>
    private bool CommuneNamedBy(int commune, Scratch scratch, out bool whole)
    {
        whole = scratch.CommuneDistinctMask[commune] != 0 && scratch.CommuneCovered[commune] >= CommuneNamed * _communeMass[commune];
        return whole || (_communeHeadMass[commune] > 0 && scratch.CommuneFirmHead[commune] >= Whole * _communeHeadMass[commune]);
    }

    /// <summary>
    /// The terms <paramref name="word"/> may stand for, with a similarity and whether the match is firm, evidence enough
    /// to name something: the word itself, one typo in a word of <see cref="FirmTypo"/> letters or more, the same sound in
    /// one of <see cref="FirmSound"/>. Shorter words are too often another word one letter or one sound away (« dinan »
    /// and Diwan, « brest » and Brécé, « passe » and Pacé); a prefix or two typos, too often anything. Returns the most
    /// the word can weigh.
    /// </summary>
    private float Match(string word, int typedLength, Scratch scratch)
    {
        var matches = scratch.Matches;
        matches.Clear();
        if (_termIds.TryGetValue(word, out var exact))
        {
            matches.Add((exact, ExactSimilarity, true));
            return _idf[exact];
        }

        // Everyday French is meant as typed: « mairie » is not Marie, « nouvelle » not Neuville, « port » not Portes.
        if (SchoolText.IsGeneric(word))
        {
            return 0;
        }

        var maxDistance = typedLength >= 8 ? 2 : typedLength >= 4 ? 1 : 0;
        if (word.Length >= 3 && maxDistance > 0)
        {
            scratch.Fuzzy.Clear();
            _fuzzy.Find(word, maxDistance, scratch.Fuzzy);
            foreach (var (term, distance) in scratch.Fuzzy)
            {
                if (_terms[term].Length >= 4)
                {
                    AddMatch(matches, term, distance == 1 ? OneEditSimilarity : TwoEditsSimilarity, distance == 1 && typedLength >= FirmTypo);
                }
            }
        }

        if (word.Length >= 3 && _termsBySound.TryGetValue(SchoolText.Phonetic(word), out var sameSound))
        {
            foreach (var term in sameSound)
            {
                AddMatch(matches, term, SoundSimilarity, typedLength >= FirmSound);
            }
        }

        if (word.Length >= 2 && !char.IsAsciiDigit(word[0]))
        {
            AddPrefixMatches(word, matches);
        }

        var mass = 0f;
        foreach (var (term, similarity, _) in matches)
        {
            mass = Math.Max(mass, similarity * _idf[term]);
        }

        return mass;
    }

    /// <summary>
    /// The terms <paramref name="prefix"/> begins (« jo » → joseph, « montesso » → montessori), weighted by how much of
    /// the term was typed; the most frequent first when a short prefix begins many.
    /// </summary>
    private void AddPrefixMatches(string prefix, List<(int Term, float Similarity, bool Firm)> matches)
    {
        var at = Array.BinarySearch(_sortedTerms, prefix, StringComparer.Ordinal);
        at = at < 0 ? ~at : at + 1;
        Span<int> kept = stackalloc int[MaxPrefixTerms];
        var count = 0;
        for (var scanned = 0; at < _sortedTerms.Length && scanned < 512 && _sortedTerms[at].StartsWith(prefix, StringComparison.Ordinal); at++, scanned++)
        {
            var term = _sortedTermIds[at];
            if (count < MaxPrefixTerms)
            {
                kept[count++] = term;
                continue;
            }

            // Full: replace the rarest kept term if this one is more frequent (a lower idf).
            var rarest = 0;
            for (var k = 1; k < count; k++)
            {
                if (_idf[kept[k]] > _idf[kept[rarest]])
                {
                    rarest = k;
                }
            }

            if (_idf[term] < _idf[kept[rarest]])
            {
                kept[rarest] = term;
            }
        }

        for (var k = 0; k < count; k++)
        {
            var term = kept[k];
            AddMatch(matches, term, Math.Min(0.75f, 0.5f + (0.3f * prefix.Length / _terms[term].Length)), false);
        }
    }

    private static void AddMatch(List<(int Term, float Similarity, bool Firm)> matches, int term, float similarity, bool firm)
    {
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i].Term == term)
            {
                matches[i] = (term, Math.Max(similarity, matches[i].Similarity), firm || matches[i].Firm);
                return;
            }
        }

        matches.Add((term, similarity, firm));
    }
}
