using SupportBot.Migration.Input;

namespace SupportBot.Migration.Plan;

/// <summary>Everything the run will write, in the order it writes it (accounts sorted by identifier then UAJ:PERSONNE_ID).</summary>
internal sealed class MigrationPlan
{
    public required SortedSet<string> Uajs { get; init; }

    public required List<SieclePupil> Pupils { get; init; }

    public required List<PlannedAccount> Accounts { get; init; }
}
