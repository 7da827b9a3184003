namespace SupportBot.Bot.Schools;

// The bot's answer from the schools kept: a named commune's schools narrowed by the kind asked, the few best kept in
// rank (score, then how much of the name was typed, then UAI, so equal scores always come out in the same order), and
// the candidates returned with their rounded scores.
internal sealed partial class SchoolIndex
{
    /// <summary>
    /// The schools of the named communes, narrowed by the kind asked for: one is the school, up to five are offered, more
    /// need a name.
    /// </summary>
    private SchoolSearchResult InCommunes(List<int> communes, Query query, Scratch scratch)
    {
        var bestFactor = 0f;
        foreach (var commune in communes)
        {
            foreach (var school in _communeSchools[commune])
            {
                bestFactor = Math.Max(bestFactor, query.Kind.Factor(_levels[school], _sectors[school]));
            }
        }

        Span<int> best = stackalloc int[MaxChoices + 1];
        var kept = 0;
        var fitting = 0;
        foreach (var commune in communes)
        {
            foreach (var school in _communeSchools[commune])
            {
                if (query.Kind.Factor(_levels[school], _sectors[school]) >= Plausible * bestFactor)
                {
                    fitting++;
                    kept = InsertRanked(best, kept, school, scratch);
                }
            }
        }

        if (fitting > MaxChoices)
        {
            return communes.Count == 1 ? SchoolSearchResult.AskName(_communeNames[communes[0]]) : SchoolSearchResult.AskCommune;
        }

        return Answer(fitting == 1 ? SchoolDecision.One : SchoolDecision.Choose, best[..kept], scratch);
    }

    /// <summary>Keeps <paramref name="best"/> ranked (score, then how much of the name was typed, then UAI), at most its length.</summary>
    private int InsertRanked(Span<int> best, int kept, int school, Scratch scratch)
    {
        var at = kept;
        while (at > 0 && Before(school, best[at - 1], scratch))
        {
            at--;
        }

        if (at >= best.Length)
        {
            return kept;
        }

        var last = Math.Min(kept, best.Length - 1);
        for (var i = last; i > at; i--)
        {
            best[i] = best[i - 1];
        }

        best[at] = school;
        return Math.Min(kept + 1, best.Length);
    }

    private bool Before(int a, int b, Scratch scratch)
    {
        if (scratch.Final[a] != scratch.Final[b])
        {
            return scratch.Final[a] > scratch.Final[b];
        }

        if (scratch.NameCoverage[a] != scratch.NameCoverage[b])
        {
            return scratch.NameCoverage[a] > scratch.NameCoverage[b];
        }

        return string.CompareOrdinal(_schools[a].Uai, _schools[b].Uai) < 0;
    }

    private SchoolSearchResult Answer(SchoolDecision decision, ReadOnlySpan<int> ranked, Scratch scratch)
    {
        var count = Math.Min(ranked.Length, decision == SchoolDecision.One ? 1 : MaxChoices);
        var candidates = new SchoolCandidate[count];
        for (var i = 0; i < count; i++)
        {
            candidates[i] = new SchoolCandidate(_schools[ranked[i]], Math.Round(scratch.Final[ranked[i]], 3));
        }

        return new SchoolSearchResult(decision, candidates, SchoolNeed.Nothing);
    }
}
