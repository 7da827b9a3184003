namespace SupportBot.Bot.Schools;

internal enum SchoolDecision
{
    /// <summary>One school fits: the bot confirms it.</summary>
    One,

    /// <summary>A few schools fit (at most <see cref="SchoolIndex.MaxChoices"/>): the bot offers them.</summary>
    Choose,

    /// <summary>Nothing to offer: <see cref="SchoolSearchResult.Need"/> says what to ask.</summary>
    None,
}

internal enum SchoolNeed
{
    /// <summary>Nothing is missing (<see cref="SchoolDecision.One"/> or <see cref="SchoolDecision.Choose"/>).</summary>
    Nothing,

    /// <summary>The name fits too many schools and no commune was given: ask the commune.</summary>
    Commune,

    /// <summary>A commune with too many schools and no name that fits: ask the school's name (<see cref="SchoolSearchResult.Commune"/> says where).</summary>
    Name,

    /// <summary>Nothing plausible: ask again, or hand over to the académie.</summary>
    NothingFound,
}

internal sealed record SchoolCandidate(SchoolEntry School, double Score);

/// <param name="Candidates">Best first; the school itself for <see cref="SchoolDecision.One"/>, empty for <see cref="SchoolDecision.None"/>.</param>
/// <param name="Commune">The commune as the annuaire writes it, when <paramref name="Need"/> is <see cref="SchoolNeed.Name"/>.</param>
internal sealed record SchoolSearchResult(SchoolDecision Decision, IReadOnlyList<SchoolCandidate> Candidates, SchoolNeed Need, string? Commune = null)
{
    public static SchoolSearchResult NothingFound { get; } = new(SchoolDecision.None, [], SchoolNeed.NothingFound);

    public static SchoolSearchResult AskCommune { get; } = new(SchoolDecision.None, [], SchoolNeed.Commune);

    public static SchoolSearchResult AskName(string commune) => new(SchoolDecision.None, [], SchoolNeed.Name, commune);
}

/// <summary>The schools of one commune, as <see cref="SchoolIndex.FindCommune"/> found it.</summary>
internal sealed record CommuneSchools(string Commune, IReadOnlyList<SchoolEntry> Schools);
