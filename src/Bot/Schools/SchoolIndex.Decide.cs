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
        scratch.RestWords = 0;
        scratch.RestFits = 0;
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

            // The name fits there when a school of the commune has most of it: « saint » alone does not make
            // « st joseph pleine fougeres » Pleine-Fougères' Ste Marie.
            var fit = NameFitInCommunes(scratch, rest, out var bestElsewhere);
            var fits = rest != 0 && fit >= RestFit * MaskMass(scratch, rest);
            if (rest != 0 && !fits && bestElsewhere < OneExplained)
            {
                return InCommunes(communes, query, scratch);
            }

            scratch.RestWords = rest;
            scratch.RestFits = fits ? fit : 0;
        }

        var top = 0f;
        for (var i = 0; i < scratch.TouchedCount; i++)
        {
            var school = scratch.Touched[i];
            if (Evidenced(school, scratch))
            {
                top = Math.Max(top, scratch.Final[school]);
            }
        }

        Span<int> best = stackalloc int[MaxChoices + 1];
        var kept = 0;
        var plausible = 0;
        var plausibleInCommunes = 0;
        var nameTyped = 0;
        for (var i = 0; i < scratch.TouchedCount; i++)
        {
            var school = scratch.Touched[i];
            if (scratch.Final[school] < Plausible * top || scratch.Explained[school] < MinExplained || !Evidenced(school, scratch))
            {
                continue;
            }

            plausible++;
            if (scratch.InBest(_communeOf[school]))
            {
                plausibleInCommunes++;
            }

            if (NameTyped(school, scratch))
            {
                nameTyped++;
            }

            kept = InsertRanked(best, kept, school, scratch);
        }

        // Nothing to offer when no school has its name, or its commune, typed: one word of longer names is no name
        // (« ecole rené char » and René-Guy Cadou); but beside a school so named, those are offered too (« cousteau »: the
        // Groupe scolaire Cousteau, and Jacques-Yves Cousteau). One school explaining too little of the text is no choice
        // either (« une petite école à la campagne »), nor one whose name is barely typed with no commune to back it
        // (« il y a grève demain » and la Fée des Grèves).
        if (nameTyped == 0 || (plausible == 1 && (scratch.Explained[best[0]] < OneExplained
            || (!scratch.InBest(_communeOf[best[0]]) && scratch.NameCoverage[best[0]] < OneNameTyped))))
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

        var decision = plausible == 1 ? SchoolDecision.One : SchoolDecision.Choose;
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
            if (!CommuneNamedBy(commune, scratch, out var whole))
            {
                continue;
            }

            scratch.CommuneNamedStamp[commune] = scratch.Generation;
            scratch.NamingWords |= scratch.CommuneMask[commune];
            if (bestWhole && !whole)
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

    /// <summary>
    /// Whether the text says something of this school that is not everyday French nor a near miss: its commune named, a
    /// distinctive word of its name typed (or one typo away in a long word), or its whole name typed (« haut chemin »);
    /// and, when the text names communes, that it is in one of them or has their words in its name (« saint malo » is
    /// also a maternelle in Rennes): Victor Hugo of Les Portes du Coglais is not « victor hugo rennes ».
    /// </summary>
    private bool Evidenced(int school, Scratch scratch)
    {
        var commune = _communeOf[school];
        if (scratch.NamingWords != 0 && !scratch.InNamed(commune) && (scratch.FirmMask[school] & scratch.NamingWords) != scratch.NamingWords)
        {
            return false;
        }

        if (scratch.InBest(commune) && scratch.RestFits > 0)
        {
            // The commune named and a name that fits some of its schools: those whose names hold the most of it, not the
            // others of the commune (« elementaire anne sylvestre romillé » is not Romillé's élémentaire Jean de la
            // Fontaine, « elementaire saint malo rennes » not Contour Saint-Aubin but the maternelle Saint-Malo).
            return MaskMass(scratch, scratch.NameMask[school] & scratch.RestWords) >= Plausible * scratch.RestFits;
        }

        return scratch.InBest(commune) || scratch.DistinctMask[school] != 0 || CommuneDistinct(commune, scratch) != 0
            || (_nameMass[school] > 0 && scratch.FirmNameIdf[school] >= Whole * _nameMass[school]);
    }

    /// <summary>
    /// Whether the school's commune is named, or a good share of its own name typed (IDF-weighted), or its commune is
    /// the one a distinctive word names best (« cesson » alone is Cesson-Sévigné, the one commune it is part of).
    /// </summary>
    private bool NameTyped(int school, Scratch scratch)
    {
        var commune = _communeOf[school];
        if (scratch.InBest(commune) || scratch.NameCoverage[school] >= MinNameTyped)
        {
            return true;
        }

        var words = CommuneDistinct(commune, scratch);
        for (var bit = 0; words != 0; bit++, words >>= 1)
        {
            if ((words & 1) != 0 && scratch.CommuneShare[commune] >= Whole * scratch.WordBestShare[bit])
            {
                return true;
            }
        }

        return false;
    }

    private static uint CommuneDistinct(int commune, Scratch scratch) =>
        commune >= 0 && scratch.CommuneStamp[commune] == scratch.Generation ? scratch.CommuneDistinctMask[commune] : 0;

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
    /// The most of <paramref name="rest"/>'s weight that a school of the named communes has in its name; and how well the
    /// best school elsewhere with evidence explains the text, by its name or its commune (« st armel rennes » is St Armel
    /// in Rennes, not the town of Saint-Armel).
    /// </summary>
    private float NameFitInCommunes(Scratch scratch, uint rest, out float bestElsewhere)
    {
        var fit = 0f;
        bestElsewhere = 0;
        for (var i = 0; i < scratch.TouchedCount; i++)
        {
            var school = scratch.Touched[i];
            if (!scratch.InBest(_communeOf[school]))
            {
                if (Evidenced(school, scratch))
                {
                    bestElsewhere = Math.Max(bestElsewhere, scratch.Explained[school]);
                }
            }
            else
            {
                fit = Math.Max(fit, MaskMass(scratch, scratch.NameMask[school] & rest));
            }
        }

        return fit;
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
