using SupportBot.AccountDirectory.Schools;

namespace SupportBot.Bot.Schools;

internal enum SchoolLevel : byte
{
    Unknown,
    Maternelle,
    Elementaire,

    /// <summary>Maternelle and élémentaire classes in one school.</summary>
    Primaire,
}

/// <summary>
/// The kind of school a text names: its level (« maternelle », « élém », « primaire ») and sector (« publique »,
/// « privée », « catho »). Read from a school's official name, and from a parent's words as a hint.
/// </summary>
internal sealed class SchoolKind
{
    private static readonly Dictionary<string, SchoolLevel> LevelWords = new(StringComparer.Ordinal)
    {
        ["maternelle"] = SchoolLevel.Maternelle, ["maternelles"] = SchoolLevel.Maternelle, ["maternel"] = SchoolLevel.Maternelle,
        ["mater"] = SchoolLevel.Maternelle, ["maternele"] = SchoolLevel.Maternelle,
        ["elementaire"] = SchoolLevel.Elementaire, ["elementaires"] = SchoolLevel.Elementaire, ["elementair"] = SchoolLevel.Elementaire,
        ["primaire"] = SchoolLevel.Primaire, ["primaires"] = SchoolLevel.Primaire, ["primair"] = SchoolLevel.Primaire,
    };

    private static readonly Dictionary<string, SchoolSector> SectorWords = new(StringComparer.Ordinal)
    {
        ["publique"] = SchoolSector.Public, ["public"] = SchoolSector.Public, ["publiques"] = SchoolSector.Public,
        ["publics"] = SchoolSector.Public, ["publik"] = SchoolSector.Public, ["publiq"] = SchoolSector.Public,
        ["laique"] = SchoolSector.Public,
        ["privee"] = SchoolSector.Private, ["prive"] = SchoolSector.Private, ["privees"] = SchoolSector.Private,
        ["prives"] = SchoolSector.Private, ["catho"] = SchoolSector.Private, ["catholique"] = SchoolSector.Private,
        ["confessionnelle"] = SchoolSector.Private,
    };

    // Misspellings of the long words, caught by distance rather than listed: « elementeire », « maternnelle ».
    private static readonly (string Word, int Distance, SchoolLevel Level)[] FuzzyLevels =
        [("maternelle", 2, SchoolLevel.Maternelle), ("elementaire", 2, SchoolLevel.Elementaire), ("primaire", 1, SchoolLevel.Primaire)];

    private static readonly (string Word, int Distance, SchoolSector Sector)[] FuzzySectors =
        [("publique", 1, SchoolSector.Public), ("catholique", 2, SchoolSector.Private)];

    private bool _conflictingLevels;
    private bool _conflictingSectors;

    public SchoolLevel Level { get; private set; }

    public SchoolSector? Sector { get; private set; }

    public bool IsEmpty => Level == SchoolLevel.Unknown && Sector is null;

    /// <summary>Takes <paramref name="word"/> (folded) if it names a level or a sector; two levels named cancel each other.</summary>
    public bool TryAdd(string word)
    {
        if (Classify(word) is not var (level, sector) || (level == SchoolLevel.Unknown && sector is null))
        {
            return false;
        }

        if (level != SchoolLevel.Unknown)
        {
            _conflictingLevels |= Level != SchoolLevel.Unknown && Level != level;
            Level = _conflictingLevels ? SchoolLevel.Unknown : level;
        }

        if (sector is { } s)
        {
            _conflictingSectors |= Sector is { } known && known != s;
            Sector = _conflictingSectors ? null : s;
        }

        return true;
    }

    /// <summary>
    /// How well a school of <paramref name="level"/> and <paramref name="sector"/> fits this hint, 1 when it fits or
    /// nothing was said. « maternelle » must set a maternelle above the élémentaire of the same name and above a primaire
    /// (whose maternelle classes are not what parents call « la maternelle »); « primaire » is the official word for
    /// both levels together, so parents use it for an élémentaire or a maternelle too: it only orders them.
    /// </summary>
    public float Factor(SchoolLevel level, SchoolSector? sector)
    {
        var factor = (Level, level) switch
        {
            (SchoolLevel.Unknown, _) => 1f,
            (var asked, var actual) when asked == actual => 1f,
            (SchoolLevel.Primaire, SchoolLevel.Elementaire) => 0.95f,
            (SchoolLevel.Primaire, SchoolLevel.Unknown) => 0.95f,
            (SchoolLevel.Primaire, SchoolLevel.Maternelle) => 0.87f,
            (_, SchoolLevel.Primaire) => 0.8f,
            (_, SchoolLevel.Unknown) => 0.8f,
            _ => 0.5f,
        };
        if (Sector is { } wanted)
        {
            factor *= sector is null ? 0.9f : sector == wanted ? 1f : 0.6f;
        }

        return factor;
    }

    private static (SchoolLevel, SchoolSector?)? Classify(string word)
    {
        if (LevelWords.TryGetValue(word, out var level))
        {
            return (level, null);
        }

        if (SectorWords.TryGetValue(word, out var sector))
        {
            return (SchoolLevel.Unknown, sector);
        }

        if (word.Length < 7)
        {
            return null;
        }

        foreach (var (known, distance, fuzzyLevel) in FuzzyLevels)
        {
            if (EditDistance.Within(word, known, distance) <= distance)
            {
                return (fuzzyLevel, null);
            }
        }

        foreach (var (known, distance, fuzzySector) in FuzzySectors)
        {
            if (EditDistance.Within(word, known, distance) <= distance)
            {
                return (SchoolLevel.Unknown, fuzzySector);
            }
        }

        return null;
    }
}
