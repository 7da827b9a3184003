namespace SupportBot.Bot.Schools;

// What every word gives every school: the better of its match in the school's name and in its commune's, and whether
// it is firm, distinctive evidence. The same result is reached two ways, whichever is cheaper: walking the term's
// postings, or, once the words left can no longer bring new schools, looking for the term in the schools already met.
internal sealed partial class SchoolIndex
{
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
}
