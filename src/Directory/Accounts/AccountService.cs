using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Accounts;

/// <summary>Creates accounts with EduConnect identifiers, finds them, and keeps their passwords.</summary>
public sealed class AccountService(DirectoryDbContext db, TimeProvider time, IPasswordHasher<Account> hasher)
{
    private const int MaxIdentifierAttempts = 20;

    /// <summary>
    /// Creates the account of <paramref name="person"/> (new or already tracked) with the first free identifier.
    /// Two creations racing for the same identifier are both served: the unique index refuses the second, which takes the next number.
    /// </summary>
    public async Task<Account> CreateAsync(Person person, AccountOrigin origin, AccountStatus status, string? email = null,
        bool emailConfirmed = false, CancellationToken cancellationToken = default)
    {
        var normalizedEmail = EmailAddresses.NormalizeOptional(email);
        if (emailConfirmed && normalizedEmail is null)
        {
            throw new DirectoryValidationException("EmailConfirmed", "une adresse confirmée suppose une adresse électronique.");
        }

        var baseIdentifier = IdentifierGenerator.BaseFor(person.FirstName, person.FamilyName);
        var account = new Account
        {
            Identifier = baseIdentifier,
            Origin = origin,
            Status = status,
            Email = normalizedEmail,
            EmailConfirmed = emailConfirmed,
            CreatedAt = time.GetUtcNow(),
            ActivatedAt = status == AccountStatus.Active ? time.GetUtcNow() : null,
        };
        account.Persons.Add(person);
        db.Accounts.Add(account);
        await SaveWithFreeIdentifierAsync(account, baseIdentifier, cancellationToken);
        return account;
    }

    /// <summary>Saves the context, choosing <paramref name="account"/>'s identifier from <paramref name="baseIdentifier"/> and retrying on collisions.</summary>
    public async Task SaveWithFreeIdentifierAsync(Account account, string baseIdentifier, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            account.Identifier = await NextFreeIdentifierAsync(baseIdentifier, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e, nameof(Account.Identifier)) && attempt < MaxIdentifierAttempts)
            {
                // Another writer took the same identifier between our read and our insert: read again and take the next one.
            }
        }
    }

    public async Task<string> NextFreeIdentifierAsync(string baseIdentifier, CancellationToken cancellationToken = default)
    {
        var taken = await db.Accounts.AsNoTracking()
            .Where(a => a.Identifier.StartsWith(baseIdentifier))
            .Select(a => a.Identifier)
            .ToListAsync(cancellationToken);
        return IdentifierGenerator.FirstFree(baseIdentifier, taken);
    }

    /// <summary>By identifier or by a legacy alias, case-insensitively.</summary>
    public async Task<Account?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var key = identifier.Trim().ToLowerInvariant();
        if (key.Length == 0)
        {
            return null;
        }

        return await db.Accounts.FirstOrDefaultAsync(a => a.Identifier == key, cancellationToken)
            ?? await db.AccountAliases.Where(x => x.Alias == key).Select(x => x.Account).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Accounts whose confirmed address is <paramref name="email"/> (one parent may hold several).</summary>
    public async Task<IReadOnlyList<Account>> FindByConfirmedEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        if (!EmailAddresses.TryNormalize(email, out var normalized))
        {
            return [];
        }

        return await db.Accounts.Where(a => a.Email == normalized && a.EmailConfirmed).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Checks EduConnect's rule, then stores the hash. Throws naming the field when the password is refused.</summary>
    public void SetPassword(Account account, string password)
    {
        var problems = PasswordPolicy.Problems(password);
        if (problems.Count > 0)
        {
            throw new DirectoryValidationException("Password", string.Join(" ", problems));
        }

        account.PasswordHash = hasher.HashPassword(account, password);
    }

    public bool VerifyPassword(Account account, string password) =>
        account.PasswordHash is not null
        && hasher.VerifyHashedPassword(account, account.PasswordHash, password) is not PasswordVerificationResult.Failed;
}
