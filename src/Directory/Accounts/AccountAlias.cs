namespace SupportBot.AccountDirectory.Accounts;

/// <summary>An older identifier (a SIECLE téléservices one) that still designates the account.</summary>
public sealed class AccountAlias
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public Account? Account { get; set; }

    /// <summary>Stored lower-cased: identifiers are matched case-insensitively.</summary>
    public required string Alias { get; set; }
}
