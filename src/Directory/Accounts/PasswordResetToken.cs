namespace SupportBot.AccountDirectory.Accounts;

/// <summary>A single-use password reset link. Only the SHA-256 of the token is stored; the token itself is mailed.</summary>
public sealed class PasswordResetToken
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public Account? Account { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token's bytes.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
