using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SupportBot.AccountDirectory.Accounts;

public enum ResetTokenState
{
    Valid,
    Unknown,
    Expired,
    Used,
}

public sealed record PasswordResetResult(ResetTokenState TokenState, IReadOnlyList<string> PasswordProblems)
{
    public bool Succeeded => TokenState == ResetTokenState.Valid && PasswordProblems.Count == 0;
}

/// <summary>Password reset links: random, stored only as a hash, single use, expiring.</summary>
public sealed class PasswordResetService(DirectoryDbContext db, TimeProvider time, AccountService accounts, IOptions<DirectoryOptions> options)
{
    /// <summary>Creates a token for <paramref name="account"/>; the returned value is the only copy of it.</summary>
    public async Task<string> IssueAsync(Account account, CancellationToken cancellationToken = default)
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var token = WebEncoders.Base64UrlEncode(bytes);
        var now = time.GetUtcNow();
        db.PasswordResetTokens.Add(new PasswordResetToken
        {
            AccountId = account.Id,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(options.Value.PasswordResetTokenMinutes),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<ResetTokenState> InspectAsync(string? token, CancellationToken cancellationToken = default)
    {
        var row = await FindAsync(token, cancellationToken);
        return StateOf(row);
    }

    /// <summary>Sets the new password and spends the token, or says why not; the token stays usable if only the password was refused.</summary>
    public async Task<PasswordResetResult> ResetAsync(string? token, string newPassword, CancellationToken cancellationToken = default)
    {
        var row = await FindAsync(token, cancellationToken);
        var state = StateOf(row);
        if (state != ResetTokenState.Valid)
        {
            return new PasswordResetResult(state, []);
        }

        var problems = PasswordPolicy.Problems(newPassword);
        if (problems.Count > 0)
        {
            return new PasswordResetResult(ResetTokenState.Valid, problems);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The conditional update is what makes the token single-use when two requests race with the same link.
        var spent = await db.PasswordResetTokens
            .Where(t => t.Id == row!.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (spent == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new PasswordResetResult(ResetTokenState.Used, []);
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == row!.AccountId, cancellationToken);
        accounts.SetPassword(account, newPassword);

        // A new password makes every other pending link of this account pointless.
        await db.PasswordResetTokens
            .Where(t => t.AccountId == account.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PasswordResetResult(ResetTokenState.Valid, []);
    }

    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<PasswordResetToken?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 128)
        {
            return null;
        }

        var hash = Hash(token.Trim());
        return await db.PasswordResetTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    private ResetTokenState StateOf(PasswordResetToken? row) => row switch
    {
        null => ResetTokenState.Unknown,
        { UsedAt: not null } => ResetTokenState.Used,
        _ when row.ExpiresAt <= time.GetUtcNow() => ResetTokenState.Expired,
        _ => ResetTokenState.Valid,
    };
}
