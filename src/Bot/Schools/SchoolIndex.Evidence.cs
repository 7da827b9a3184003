namespace SupportBot.Bot.Schools;

// Whether the text says enough of one school to offer it: evidence (its commune named, a firm word that is not
// generic, its whole name typed) and its name typed. These are the guards set against texts that name no school
// (school-negatives.tsv): a score alone would let everyday words pick a school.
internal sealed partial class SchoolIndex
{
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
}
