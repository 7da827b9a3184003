using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Accounts;

public sealed class AccountServiceTests
{
    [Fact]
    public async Task CreateAsync_SameNames_TakeSuccessiveNumbers()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var identifiers = new List<string>();

        for (var i = 0; i < 3; i++)
        {
            await using var scope = directory.Scope();
            var account = await directory.Get<AccountService>(scope)
                .CreateAsync(Person.Create("Valéry", "Durant"), AccountOrigin.AutoInscription, AccountStatus.NonNotifie);
            identifiers.Add(account.Identifier);
        }

        Assert.Equal(["v.durant", "v.durant1", "v.durant2"], identifiers);
    }

    [Fact]
    public async Task CreateAsync_NumberedFormTakenButBareFree_TakesTheBareForm()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var accounts = directory.Get<AccountService>(scope);

        var first = await accounts.CreateAsync(Person.Create("Véronique", "DURANT"), AccountOrigin.Etablissement, AccountStatus.NonNotifie);
        var second = await accounts.CreateAsync(Person.Create("Victor", "Durant"), AccountOrigin.Etablissement, AccountStatus.NonNotifie);

        Assert.Equal("v.durant", first.Identifier);
        Assert.Equal("v.durant2", second.Identifier);
    }

    [Fact]
    public async Task CreateAsync_ConcurrentCreationsOfTheSameName_GetDistinctSmallestIdentifiers()
    {
        await using var directory = await TestDirectory.CreateAsync();
        const int writers = 8;
        using var start = new Barrier(writers);

        var identifiers = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await using var scope = directory.Scope();
            var accounts = directory.Get<AccountService>(scope);
            start.SignalAndWait();
            var account = await accounts.CreateAsync(Person.Create("Gwenaëlle", "Le Goff"), AccountOrigin.AutoInscription, AccountStatus.NonNotifie);
            return account.Identifier;
        })));

        Assert.Equal(
            ["g.legoff", "g.legoff1", "g.legoff2", "g.legoff3", "g.legoff4", "g.legoff5", "g.legoff6", "g.legoff7"],
            identifiers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_InvalidEmail_IsRefusedAndNothingIsWritten()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var scope = directory.Scope();
        var accounts = directory.Get<AccountService>(scope);

        var error = await Assert.ThrowsAsync<DirectoryValidationException>(() =>
            accounts.CreateAsync(Person.Create("Anne", "Le Goff"), AccountOrigin.AutoInscription, AccountStatus.NonNotifie, "anne.legoff@"));

        Assert.Equal("Email", error.Field);
        Assert.Contains("adresse électronique valide", error.Message, StringComparison.Ordinal);
        await using var check = directory.Scope();
        var db = directory.Get<DirectoryDbContext>(check);
        Assert.Equal(0, await db.Accounts.CountAsync());
        Assert.Equal(0, await db.Persons.CountAsync());
    }

    [Fact]
    public async Task FindByIdentifierAsync_MatchesCaseInsensitivelyAndThroughLegacyAliases()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using (var scope = directory.Scope())
        {
            var db = directory.Get<DirectoryDbContext>(scope);
            var account = await db.Accounts.SingleAsync(a => a.Identifier == "g.zoumn");
            db.AccountAliases.Add(new AccountAlias { AccountId = account.Id, Alias = "guillaumez35" });
            await db.SaveChangesAsync();
        }

        await using var lookup = directory.Scope();
        var accounts = directory.Get<AccountService>(lookup);

        Assert.Equal("v.durant1", (await accounts.FindByIdentifierAsync(" V.Durant1 "))?.Identifier);
        Assert.Equal("g.zoumn", (await accounts.FindByIdentifierAsync("GuillaumeZ35"))?.Identifier);
        Assert.Null(await accounts.FindByIdentifierAsync("v.durant"));
    }

    [Fact]
    public async Task FindByConfirmedEmailAsync_IgnoresUnconfirmedAddresses()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var accounts = directory.Get<AccountService>(scope);

        var confirmed = await accounts.FindByConfirmedEmailAsync("Valery.Durant@Example.fr");
        var unconfirmed = await accounts.FindByConfirmedEmailAsync("guillaume.ehcama@example.fr");

        Assert.Equal("v.durant1", Assert.Single(confirmed).Identifier);
        Assert.Empty(unconfirmed);
    }

    [Fact]
    public async Task SetPassword_StoresOnlyAHashThatVerifies()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var scope = directory.Scope();
        var accounts = directory.Get<AccountService>(scope);
        var account = await accounts.CreateAsync(Person.Create("Anne", "Le Goff"), AccountOrigin.AutoInscription, AccountStatus.Active);

        accounts.SetPassword(account, "Bretagne2026");
        await directory.Get<DirectoryDbContext>(scope).SaveChangesAsync();

        Assert.DoesNotContain("Bretagne2026", account.PasswordHash, StringComparison.Ordinal);
        Assert.True(accounts.VerifyPassword(account, "Bretagne2026"));
        Assert.False(accounts.VerifyPassword(account, "bretagne2026"));
    }

    [Fact]
    public async Task SetPassword_RuleBroken_IsRefusedAndTheOldHashIsKept()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var scope = directory.Scope();
        var accounts = directory.Get<AccountService>(scope);
        var account = await accounts.CreateAsync(Person.Create("Anne", "Le Goff"), AccountOrigin.AutoInscription, AccountStatus.Active);
        accounts.SetPassword(account, "Bretagne2026");
        var before = account.PasswordHash;

        var error = Assert.Throws<DirectoryValidationException>(() => accounts.SetPassword(account, "bretagne"));

        Assert.Equal("Password", error.Field);
        Assert.Contains("au moins un chiffre", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, account.PasswordHash);
    }
}
