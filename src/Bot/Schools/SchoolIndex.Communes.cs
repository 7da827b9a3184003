namespace SupportBot.Bot.Schools;

// What the text says of communes: how much of each commune's name and head every word typed, whether a commune is
// named (most of its name with a firm word that is not generic, a postal code, or all of its head), and which of the
// named are the best. Apart from the schools because a named commune decides rules 3 and 4 of RULES.md, and the
// evidence of every school, before any school's name is weighed.
internal sealed partial class SchoolIndex
{
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
}
