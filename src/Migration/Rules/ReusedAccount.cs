using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 2, its second half: when the directory already has an account for one of the persons (same UAJ +
/// PERSONNE_ID, the smallest account Id if several), or failing that for the representative's rule 1 identity, that
/// account is completed, never duplicated. This is also what makes a second run, or the run after a kill, find what
/// the first one wrote (rule 9).
/// </summary>
internal static class ReusedAccount
{
    public static int? Find(PlannedAccount planned, ExistingDirectory existing)
    {
        int? found = null;
        foreach (var person in planned.Persons)
        {
            if (existing.TryGetPerson(person, out var row) && row.AccountId is { } id)
            {
                found = Math.Min(id, found ?? int.MaxValue);
            }
        }

        var representative = planned.Representative;
        if (found is null && existing.AccountByIdentity.Count > 0
            && Identity.Key(representative.FamilyName, representative.FirstName, representative.Mobile, representative.Email) is { } identity
            && existing.AccountByIdentity.TryGetValue(identity, out var byIdentity))
        {
            found = byIdentity;
        }

        return found;
    }
}
