using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Demo;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Cases;

public sealed class DirectorCaseServiceTests
{
    [Fact]
    public async Task OpenAsync_KeepsWhatTheParentGaveAndAShortReference()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);

        var opened = await cases.OpenAsync(new NewDirectorCase(DirectorCaseKind.BirthDateMismatch, "sms", "+33699999999",
            SchoolGiven: "Ecole élémentaire publique Jean Moulin", PupilGiven: "Alexis", PupilBirthDateGiven: new DateOnly(2016, 3, 12),
            ResponsableGiven: "Valéry Durant"));

        Assert.Matches("^SB-[2-9A-HJKMNP-Z]{6}$", opened.Reference);
        Assert.Equal(DirectorCaseStatus.Open, opened.Status);
        Assert.Equal(DemoData.SchoolUai, opened.School?.Uai);
        Assert.Equal(directory.Time.GetUtcNow(), opened.CreatedAt);
    }

    [Fact]
    public async Task OpenAsync_UnknownSchool_KeepsTheTextForRouting()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        await using var scope = directory.Scope();

        var opened = await directory.Get<DirectorCaseService>(scope)
            .OpenAsync(new NewDirectorCase(DirectorCaseKind.Other, "webchat", SchoolGiven: "école de Saint-Malo"));

        Assert.Null(opened.SchoolId);
        Assert.Equal("école de Saint-Malo", opened.SchoolGiven);
    }

    [Fact]
    public async Task OpenAsync_InvalidPhone_IsRefusedNamingTheField()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var scope = directory.Scope();

        var error = await Assert.ThrowsAsync<DirectoryValidationException>(() => directory.Get<DirectorCaseService>(scope)
            .OpenAsync(new NewDirectorCase(DirectorCaseKind.PhoneMismatch, "webchat", PhoneGiven: "12")));

        Assert.Equal("PhoneGiven", error.Field);
    }

    [Fact]
    public async Task ResolveAsync_ClosesTheCaseOnce()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        var opened = await cases.OpenAsync(new NewDirectorCase(DirectorCaseKind.NoMobilePhone, "webchat"));
        directory.Time.Advance(TimeSpan.FromDays(1));

        var first = await cases.ResolveAsync(opened.Reference);
        var second = await cases.ResolveAsync(opened.Reference);

        Assert.True(first);
        Assert.False(second);
        var resolved = await cases.FindAsync(opened.Reference);
        Assert.Equal((DirectorCaseStatus.Resolved, directory.Time.GetUtcNow()), (resolved!.Status, resolved.ResolvedAt!.Value));
    }
}
