namespace SupportBot.Bot.Schools;

// The decision from the scores, in the order of RULES.md's « Decisions, in order »: the schools of a named commune
// when the other words name nothing there (rules 3 and 4), else the plausible schools (rule 5): one, a choice of up to
// five, or what to ask. Everything it reads was computed by the scoring pass; nothing here walks the postings again.
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
}
