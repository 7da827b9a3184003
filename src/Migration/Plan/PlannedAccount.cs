using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Persons;
using SupportBot.Migration.Input;

namespace SupportBot.Migration.Plan;

/// <summary>One unified account to create or to complete: the persons it stands for, its pupils and its old identifiers.</summary>
internal sealed class PlannedAccount
{
    /// <summary>Rule 1's persons (UAJ:PERSONNE_ID), sorted; the first holder gives the names.</summary>
    public required SieclePerson[] Persons { get; init; }

    public required SieclePerson Representative { get; init; }

    public required string BaseIdentifier { get; init; }

    /// <summary>The legacy accounts some of these persons held (emptied once the plan is made: the writer needs none of it).</summary>
    public required LegacyAccount[] LegacyAccounts { get; set; }

    /// <summary>The directory's account reused (rule 2), or null when one is created.</summary>
    public int? ExistingAccountId { get; set; }

    /// <summary>The identifier of the account to create (null when reused).</summary>
    public string? Identifier { get; set; }

    public string? Email { get; set; }

    public bool EmailConfirmed { get; set; }

    public AccountStatus Status { get; set; }

    public PlannedLink[] Links { get; set; } = [];

    public IReadOnlyList<string> Aliases => _aliases;

    // Nearly always one: an array of the exact size.
    private string[] _aliases = [];

    public void AddAlias(string alias) => _aliases = [.. _aliases, alias];

    /// <summary>Whether this account stands for the SIECLE person of this UAJ:PERSONNE_ID key.</summary>
    public bool StandsFor(long personKey)
    {
        foreach (var p in Persons)
        {
            if (p.Key == personKey)
            {
                return true;
            }
        }

        return false;
    }
}

internal readonly record struct PlannedLink(SieclePerson Person, SieclePupil Pupil, ResponsibilityLevel Level, string? RelationshipCode);
