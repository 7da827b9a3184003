using SupportBot.AccountDirectory.Persons;

namespace SupportBot.AccountDirectory.Accounts;

/// <summary>A unified parent account (EduConnect-like): one per person, whatever the number of schools.</summary>
public sealed class Account
{
    public int Id { get; set; }

    /// <summary>Shaped p.nom or p.nomN, see <see cref="IdentifierGenerator"/>.</summary>
    public required string Identifier { get; set; }

    public AccountStatus Status { get; set; }

    public AccountOrigin Origin { get; set; }

    public string? Email { get; set; }

    public bool EmailConfirmed { get; set; }

    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2); null until the parent chooses a password.</summary>
    public string? PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    public List<Person> Persons { get; set; } = [];

    public List<AccountAlias> Aliases { get; set; } = [];
}
