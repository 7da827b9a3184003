using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Persons;
using SupportBot.Migration.Input;

namespace SupportBot.Migration.Planning;

/// <summary>One unified account to create or to complete: the persons it stands for, its pupils and its old identifiers.</summary>
internal sealed class PlannedAccount
{
    /// <summary>Rule 1's persons (UAJ:PERSONNE_ID), sorted; the first holder gives the names.</summary>
    public required List<SieclePerson> Persons { get; init; }

    public required SieclePerson Representative { get; init; }

    public required string BaseIdentifier { get; init; }

    /// <summary>The legacy accounts some of these persons held.</summary>
    public List<LegacyAccount> LegacyAccounts { get; } = [];

    /// <summary>The directory's account reused (rule 2), or null when one is created.</summary>
    public int? ExistingAccountId { get; set; }

    /// <summary>The identifier of the account to create (null when reused).</summary>
    public string? Identifier { get; set; }

    public string? Email { get; set; }

    public bool EmailConfirmed { get; set; }

    public AccountStatus Status { get; set; }

    public List<PlannedLink> Links { get; } = [];

    public IReadOnlyList<string> Aliases => (IReadOnlyList<string>?)_aliases ?? [];

    private List<string>? _aliases;

    public void AddAlias(string alias) => (_aliases ??= new List<string>(1)).Add(alias);
}

internal readonly record struct PlannedLink(SieclePerson Person, SieclePupil Pupil, ResponsibilityLevel Level, string? RelationshipCode);
