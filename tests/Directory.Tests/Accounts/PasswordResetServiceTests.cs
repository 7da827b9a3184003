using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Accounts;

public sealed class PasswordResetServiceTests
{
    [Fact]
    public async Task IssueAsync_StoresOnlyTheTokensSha256()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();

        var token = await IssueForAsync(directory, scope, "v.durant1");

        var stored = await directory.Get<DirectoryDbContext>(scope).PasswordResetTokens.AsNoTracking().SingleAsync();
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        Assert.True(token.Length >= 43, "a token carries at least 256 random bits");
    }

    [Fact]
    public async Task ResetAsync_ValidToken_SetsThePasswordOnce()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var token = await IssueForAsync(directory, scope, "v.durant1");
        var resets = directory.Get<PasswordResetService>(scope);

        var first = await resets.ResetAsync(token, "Nouveau2026");
        var second = await resets.ResetAsync(token, "Encore2027x");

        Assert.True(first.Succeeded);
        Assert.Equal(ResetTokenState.Used, second.TokenState);
        await using var check = directory.Scope();
        var accounts = directory.Get<AccountService>(check);
        var account = (await accounts.FindByIdentifierAsync("v.durant1"))!;
        Assert.True(accounts.VerifyPassword(account, "Nouveau2026"));
        Assert.False(accounts.VerifyPassword(account, "Encore2027x"));
    }

    [Fact]
    public async Task ResetAsync_AfterSixtyMinutes_SaysExpiredAndChangesNothing()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var token = await IssueForAsync(directory, scope, "v.durant1");
        var resets = directory.Get<PasswordResetService>(scope);

        directory.Time.Advance(TimeSpan.FromMinutes(59));
        var stillValid = await resets.InspectAsync(token);
        directory.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await resets.ResetAsync(token, "Nouveau2026");

        Assert.Equal(ResetTokenState.Valid, stillValid);
        Assert.Equal(ResetTokenState.Expired, result.TokenState);
        await using var check = directory.Scope();
        var accounts = directory.Get<AccountService>(check);
        Assert.True(accounts.VerifyPassword((await accounts.FindByIdentifierAsync("v.durant1"))!, Demo.DemoData.ActivatedAccountsPassword));
    }

    [Fact]
    public async Task IssueAsync_LifetimeIsConfigurable()
    {
        await using var directory = await TestDirectory.CreateAsync(
            new Dictionary<string, string?> { ["Directory:PasswordResetTokenMinutes"] = "10" }, seedDemo: true);
        await using var scope = directory.Scope();
        var token = await IssueForAsync(directory, scope, "v.durant1");

        directory.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(ResetTokenState.Expired, await directory.Get<PasswordResetService>(scope).InspectAsync(token));
    }

    [Fact]
    public async Task ResetAsync_PasswordBreakingTheRules_KeepsTheTokenUsable()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var token = await IssueForAsync(directory, scope, "v.durant1");
        var resets = directory.Get<PasswordResetService>(scope);

        var refused = await resets.ResetAsync(token, "court1");
        var accepted = await resets.ResetAsync(token, "Correct2026");

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.PasswordProblems, p => p.Contains("de 8 à 14 caractères", StringComparison.Ordinal));
        Assert.True(accepted.Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pas-un-jeton")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task InspectAsync_UnknownToken_IsUnknown(string token)
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();

        Assert.Equal(ResetTokenState.Unknown, await directory.Get<PasswordResetService>(scope).InspectAsync(token));
    }

    [Fact]
    public async Task ResetAsync_TwoRequestsRacingWithOneLink_OnlyOneWins()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        string token;
        await using (var scope = directory.Scope())
        {
            token = await IssueForAsync(directory, scope, "v.durant1");
        }

        using var start = new Barrier(2);
        var results = await Task.WhenAll(new[] { "Premier2026", "Second2026" }.Select(password => Task.Run(async () =>
        {
            await using var scope = directory.Scope();
            var resets = directory.Get<PasswordResetService>(scope);
            start.SignalAndWait();
            return await resets.ResetAsync(token, password);
        })));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.TokenState == ResetTokenState.Used);
    }

    [Fact]
    public async Task ResetAsync_Success_SpendsTheAccountsOtherPendingLinks()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var older = await IssueForAsync(directory, scope, "v.durant1");
        var newer = await IssueForAsync(directory, scope, "v.durant1");
        var resets = directory.Get<PasswordResetService>(scope);

        await resets.ResetAsync(newer, "Nouveau2026");

        Assert.Equal(ResetTokenState.Used, await resets.InspectAsync(older));
    }

    private static async Task<string> IssueForAsync(TestDirectory directory, AsyncServiceScope scope, string identifier)
    {
        var account = await directory.Get<AccountService>(scope).FindByIdentifierAsync(identifier)
            ?? throw new InvalidOperationException($"{identifier} is not in the demo data");
        return await directory.Get<PasswordResetService>(scope).IssueAsync(account);
    }
}
