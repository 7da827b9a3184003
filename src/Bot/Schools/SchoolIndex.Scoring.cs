namespace SupportBot.Bot.Schools;

// The scoring pass of one look-up: every word matched to terms and weighed, then spent rarest first on the communes
// and the schools, and every school met given the share of the text it explains and its final score (RULES.md,
// « Scores »). The order is what keeps the search fast: once the words left cannot lift a school not yet met to
// MinExplained, they only add to the schools already met.
internal sealed partial class SchoolIndex
{
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
}
