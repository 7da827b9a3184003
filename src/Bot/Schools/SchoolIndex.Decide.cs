namespace SupportBot.Bot.Schools;

internal sealed partial class SchoolIndex
{
    private SchoolSearchResult Decide(Query query, Scratch scratch)
    {
        if (scratch.TouchedCount == 0)
        {
            return SchoolSearchResult.NothingFound;
        }

        var communes = scratch.Communes;
        if (communes.Count > 0)
        {
            var communeWords = 0u;
            foreach (var commune in communes)
            {
                communeWords |= scratch.CommuneMask[commune];
            }

            var rest = scratch.AllWords & ~communeWords;
            if (rest == 0 && !NamedAfterElsewhere(scratch))
            {
                return InCommunes(communes, query, scratch);
            }

            if (rest != 0 && !NameFitsInCommunes(scratch, rest, out var bestElsewhere) && bestElsewhere < OneExplained)
            {
                return InCommunes(communes, query, scratch);
            }
        }

        var top = 0f;
        for (var i = 0; i < scratch.TouchedCount; i++)
        {
            top = Math.Max(top, scratch.Final[scratch.Touched[i]]);
        }

        Span<int> best = stackalloc int[MaxChoices + 1];
        var kept = 0;
        var plausible = 0;
        var plausibleInCommunes = 0;
        for (var i = 0; i < scratch.TouchedCount; i++)
        {
            var school = scratch.Touched[i];
            if (scratch.Final[school] < Plausible * top || scratch.Explained[school] < MinExplained)
            {
                continue;
            }

            plausible++;
            if (scratch.InBest(_communeOf[school]))
            {
                plausibleInCommunes++;
            }

            kept = InsertRanked(best, kept, school, scratch);
        }

        if (plausible == 0)
        {
            return communes.Count > 0 ? InCommunes(communes, query, scratch) : SchoolSearchResult.NothingFound;
        }

        if (plausible > MaxChoices)
        {
            // Too many to offer, unless a few stand clearly above the rest (« ecole de la mezière »: the commune's schools
            // and Betton's « les Mézières », above Mézières-sur-Couesnon).
            var clear = 0;
            for (var i = 0; i < kept; i++)
            {
                clear += scratch.Final[best[i]] >= ClearlyBest * top ? 1 : 0;
            }

            if (clear is > 1 and <= MaxChoices)
            {
                return Answer(SchoolDecision.Choose, best[..clear], scratch);
            }

            // Mostly the schools of the commune typed: a name is missing. Otherwise a name shared across communes.
            return communes.Count == 1 && plausibleInCommunes * 2 > plausible
                ? SchoolSearchResult.AskName(_communeNames[communes[0]])
                : SchoolSearchResult.AskCommune;
        }

        var decision = plausible == 1 && scratch.Explained[best[0]] >= OneExplained ? SchoolDecision.One : SchoolDecision.Choose;
        return Answer(decision, best[..kept], scratch);
    }

    /// <summary>
    /// The communes the text names: most of their name typed (or a postal code), else all of its head; the ones
    /// explaining the most of the text when several do (« pleine fougeres » is Pleine-Fougères, not Fougères). A commune
    /// named whole beats one named by its head: « saint malo » is not Saint-Malo-de-Phily, and in « l'école du bourg à
    /// Gévezé » the commune is Gévezé, not Bourg-des-Comptes.
    /// </summary>
    private void BestCommunes(Scratch scratch)
    {
        var named = scratch.Communes;
        named.Clear();
        var bestMass = 0f;
        var bestWhole = false;
        for (var i = 0; i < scratch.CommuneTouchedCount; i++)
        {
            var commune = scratch.CommuneTouched[i];
            if (CommuneCoverage(commune, scratch, out var whole) < CommuneNamed || (bestWhole && !whole))
            {
                continue;
            }

            var mass = MaskMass(scratch, scratch.CommuneMask[commune]);
            if ((whole && !bestWhole) || mass > bestMass + 1e-4f)
            {
                named.Clear();
                bestMass = mass;
                bestWhole = whole;
            }

            if (mass >= bestMass - 1e-4f)
            {
                named.Add(commune);
            }
        }

        foreach (var commune in named)
        {
            scratch.CommuneBestStamp[commune] = scratch.Generation;
        }
    }

    private static float MaskMass(Scratch scratch, uint mask)
    {
        var mass = 0f;
        for (var bit = 0; mask != 0; bit++, mask >>= 1)
        {
            if ((mask & 1) != 0)
            {
                mass += scratch.WordMass[bit];
            }
        }

        return mass;
    }

    /// <summary>A school elsewhere whose whole name is the commune's: « saint malo » is the town, and a school in Rennes too.</summary>
    private bool NamedAfterElsewhere(Scratch scratch)
    {
        for (var i = 0; i < scratch.TouchedCount; i++)
        {
            var school = scratch.Touched[i];
            if (!scratch.InBest(_communeOf[school]) && scratch.NameCoverage[school] >= 0.99f && scratch.Explained[school] >= 0.99f)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a school of the named communes has a word of <paramref name="rest"/> in its name; and how well the best
    /// school elsewhere explains the text, by its name or its commune (« st armel rennes » is St Armel in Rennes, not
    /// the town of Saint-Armel).
    /// </summary>
    private bool NameFitsInCommunes(Scratch scratch, uint rest, out float bestElsewhere)
    {
        var fits = false;
        bestElsewhere = 0;
        for (var i = 0; i < scratch.TouchedCount; i++)
        {
            var school = scratch.Touched[i];
            if (!scratch.InBest(_communeOf[school]))
            {
                bestElsewhere = Math.Max(bestElsewhere, scratch.Explained[school]);
            }
            else if ((scratch.NameMask[school] & rest) != 0)
            {
                fits = true;
            }
        }

        return fits;
    }

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
