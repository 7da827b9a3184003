using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Cases;

/// <summary>A case from the parent's request to the school's « c'est fait »: routing, merging, limits, and what is recorded.</summary>
public sealed class DirectorCaseLifecycleTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfirmedSchool_HoldsTheCaseAndItsOpeningIsRecorded()
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);

        var opening = await cases.OpenAsync(Request(school: "0352207j"), Token);

        Assert.Equal(CaseOpeningOutcome.Opened, opening.Outcome);
        var opened = await cases.FindWithEventsAsync(opening.Case!.Reference, Token);
        Assert.Equal("0352207J", opened!.School!.Uai);
        Assert.Null(opened.DestinationMailedAt);
        var opening1 = Assert.Single(opened.Events);
        Assert.Equal((DirectorCaseEventType.Opened, opened.SchoolId), (opening1.Type, opening1.SchoolId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0359999Z")]
    [InlineData("0352208K")]
    public async Task NoOpenSchool_GoesToTheAcademieWithTheParentsWords(string? uai)
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);

        var opening = await cases.OpenAsync(Request(school: uai, schoolGiven: "l'école des Lilas à Vitré"), Token);

        var opened = await cases.FindWithEventsAsync(opening.Case!.Reference, Token);
        Assert.Null(opened!.SchoolId);
        Assert.Equal("l'école des Lilas à Vitré", Assert.Single(opened.Events).Note);
        Assert.Contains(await cases.ListUnroutedAsync(Token), c => c.Reference == opened.Reference);
    }

    [Theory]
    [InlineData("Alexis Durand", "2016-03-12", "DURAND alexis", "2016-03-12", true)]
    [InlineData("Alexis Durand", null, "Alexis  Durand", null, true)]
    [InlineData("Alexis Durand", null, "Léa Durand", null, false)]
    [InlineData("Alexis Durand", "2016-03-12", "Alexis Durand", "2016-03-13", false)]
    public async Task SameSituationChildAndSchoolWithinADay_IsMergedIntoTheFirstCase(string firstChild, string? firstBirth, string secondChild,
        string? secondBirth, bool merged)
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        var first = await cases.OpenAsync(Request(school: "0352207J", child: firstChild, birth: firstBirth), Token);
        directory.Time.Advance(TimeSpan.FromHours(20));

        var second = await cases.OpenAsync(Request(school: "0352207J", child: secondChild, birth: secondBirth, phone: "06 98 76 54 32"), Token);

        Assert.Equal(merged ? CaseOpeningOutcome.Merged : CaseOpeningOutcome.Opened, second.Outcome);
        Assert.Equal(merged, first.Case!.Reference == second.Case!.Reference);
        var db = directory.Get<DirectoryDbContext>(scope);
        Assert.Equal(merged ? 1 : 2, await db.DirectorCases.CountAsync(Token));
        if (merged)
        {
            var repeated = (await cases.FindWithEventsAsync(first.Case.Reference, Token))!.Events.Last();
            Assert.Equal(DirectorCaseEventType.Repeated, repeated.Type);
            Assert.Contains("+33698765432", repeated.Note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SameRequestAfterADayOrAnotherSituation_OpensANewCase()
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        var first = await cases.OpenAsync(Request(school: "0352207J"), Token);

        var otherKind = await cases.OpenAsync(Request(school: "0352207J", kind: DirectorCaseKind.LostNotification), Token);
        directory.Time.Advance(TimeSpan.FromHours(25));
        var nextDay = await cases.OpenAsync(Request(school: "0352207J"), Token);

        Assert.Equal(CaseOpeningOutcome.Opened, otherKind.Outcome);
        Assert.Equal(CaseOpeningOutcome.Opened, nextDay.Outcome);
        Assert.Equal(3, new[] { first.Case!.Reference, otherKind.Case!.Reference, nextDay.Case!.Reference }.Distinct().Count());
    }

    [Theory]
    [InlineData("conversation", 3)]
    [InlineData("sender", 5)]
    [InlineData("client", 20)]
    public async Task PastTheLimitOfARequester_NothingIsWrittenUntilTheWindowPasses(string shared, int limit)
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        RequesterKeys Keys(int i) => new(
            shared == "conversation" ? "c" : "c" + i, shared == "sender" ? "s" : "s" + i, shared == "client" ? "a" : "a" + i);

        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(CaseOpeningOutcome.Opened, (await cases.OpenAsync(Request(child: $"Enfant {i}", requester: Keys(i)), Token)).Outcome);
        }

        var refused = await cases.OpenAsync(Request(child: "Un de plus", requester: Keys(limit)), Token);
        directory.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var later = await cases.OpenAsync(Request(child: "Le lendemain", requester: Keys(limit + 1)), Token);

        Assert.Equal((CaseOpeningOutcome.Limited, null), (refused.Outcome, refused.Case));
        Assert.Equal(CaseOpeningOutcome.Opened, later.Outcome);
        Assert.Equal(limit + 1, await directory.Get<DirectoryDbContext>(scope).DirectorCases.CountAsync(Token));
    }

    [Fact]
    public async Task Limits_AreSettings()
    {
        await using var directory = await CreateAsync(new Dictionary<string, string?> { ["Cases:CasesPerSender"] = "1" });
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);

        var first = await cases.OpenAsync(Request(child: "A", requester: new RequesterKeys("c1", "s", null)), Token);
        var second = await cases.OpenAsync(Request(child: "B", requester: new RequesterKeys("c2", "s", null)), Token);

        Assert.Equal((CaseOpeningOutcome.Opened, CaseOpeningOutcome.Limited), (first.Outcome, second.Outcome));
    }

    [Fact]
    public async Task SchoolTreatsItsCase_WithAMessageForTheParent_Once()
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        var opened = (await cases.OpenAsync(Request(school: "0352207J"), Token)).Case!;
        var other = await SchoolIdAsync(directory, scope, "0352208K");
        directory.Time.Advance(TimeSpan.FromDays(1));

        var byOther = await cases.ResolveAsync(opened.Reference, other, "message", Token);
        var tooLong = await Assert.ThrowsAsync<DirectoryValidationException>(() => cases.ResolveAsync(opened.Reference, opened.SchoolId, new string('x', 301), Token));
        var done = await cases.ResolveAsync(opened.Reference.ToLowerInvariant(), opened.SchoolId, "  C'est corrigé dans ONDE.  ", Token);
        var again = await cases.ResolveAsync(opened.Reference, opened.SchoolId, "encore", Token);

        Assert.False(byOther);
        Assert.Equal("message", tooLong.Field);
        Assert.True(done);
        Assert.False(again);
        var resolved = await cases.FindWithEventsAsync(opened.Reference, Token);
        Assert.Equal((DirectorCaseStatus.Resolved, "C'est corrigé dans ONDE.", directory.Time.GetUtcNow()),
            (resolved!.Status, resolved.DirectorMessage, resolved.ResolvedAt!.Value));
        Assert.Equal(DirectorCaseEventType.Resolved, resolved.Events.Last().Type);
        Assert.Equal(opened.SchoolId, resolved.Events.Last().SchoolId);
    }

    [Fact]
    public async Task NotOurSchool_SendsTheCaseBackToTheAcademieWhichAssignsAnother()
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        var opened = (await cases.OpenAsync(Request(school: "0352207J"), Token)).Case!;
        var first = opened.SchoolId!.Value;

        await Assert.ThrowsAsync<DirectoryValidationException>(() => cases.RefuseAsync(opened.Reference, first, "  ", Token));
        var refused = await cases.RefuseAsync(opened.Reference, first, "Aucun enfant de ce nom chez nous.", Token);
        var assignedToClosed = await cases.AssignAsync(opened.Reference, "0352208K", Token);
        var assigned = await cases.AssignAsync(opened.Reference, "0351234A", Token);
        var twice = await cases.AssignAsync(opened.Reference, "0352207J", Token);

        Assert.True(refused);
        Assert.False(assignedToClosed);
        Assert.True(assigned);
        Assert.False(twice);
        var routed = await cases.FindWithEventsAsync(opened.Reference, Token);
        Assert.Equal("0351234A", routed!.School!.Uai);
        Assert.Null(routed.DestinationMailedAt);
        Assert.Equal(
            [DirectorCaseEventType.Opened, DirectorCaseEventType.Refused, DirectorCaseEventType.Assigned],
            routed.Events.Select(e => e.Type));
        Assert.Equal(("Aucun enfant de ce nom chez nous.", first), (routed.Events[1].Note, routed.Events[1].SchoolId));
        Assert.Empty(await cases.ListForSchoolAsync(first, Token));
    }

    [Fact]
    public async Task SchoolList_OpenCasesThenThoseTreatedWithinThirtyDays()
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        var old = (await cases.OpenAsync(Request(school: "0352207J", child: "Ancien"), Token)).Case!;
        await cases.ResolveAsync(old.Reference, old.SchoolId, null, Token);
        directory.Time.Advance(TimeSpan.FromDays(31));
        var recent = (await cases.OpenAsync(Request(school: "0352207J", child: "Récent"), Token)).Case!;
        await cases.ResolveAsync(recent.Reference, recent.SchoolId, null, Token);
        var open = (await cases.OpenAsync(Request(school: "0352207J", child: "Ouvert"), Token)).Case!;

        var listed = await cases.ListForSchoolAsync(open.SchoolId!.Value, Token);

        Assert.Equal([open.Reference, recent.Reference], listed.Select(c => c.Reference));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{1}")]
    [InlineData("sb {1}")]
    [InlineData(" SB_{1} ")]
    public async Task Status_TellsStateAndDatesOnly(string format)
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        var opened = (await cases.OpenAsync(Request(school: "0352207J"), Token)).Case!;

        var status = await cases.StatusAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, opened.Reference, opened.Reference[3..].ToLowerInvariant()), Token);
        var unknown = await cases.StatusAsync("SB-ZZZZZZ", Token);

        Assert.Equal(new CaseStatus(opened.Reference, DirectorCaseStatus.Open, true, opened.CreatedAt, null), status);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task Contact_IsCheckedAndKept()
    {
        await using var directory = await CreateAsync();
        await using var scope = directory.Scope();
        var cases = directory.Get<DirectorCaseService>(scope);
        var opened = (await cases.OpenAsync(Request(school: "0352207J"), Token)).Case!;

        await Assert.ThrowsAsync<DirectoryValidationException>(() => cases.SetContactAsync(opened.Reference, "pas une adresse", null, Token));
        Assert.True(await cases.SetContactAsync(opened.Reference, " Parent@Example.FR ", null, Token));
        Assert.True(await cases.SetContactAsync(opened.Reference, null, "06 12 34 56 78", Token));
        Assert.False(await cases.SetContactAsync("SB-ZZZZZZ", "parent@example.fr", null, Token));

        var kept = await cases.FindAsync(opened.Reference, Token);
        Assert.Equal(("parent@example.fr", "+33612345678"), (kept!.ContactEmail, kept.ContactPhone));
    }

    private static NewDirectorCase Request(string? school = null, string? schoolGiven = null, string child = "Alexis Durand", string? birth = null,
        string? phone = null, DirectorCaseKind kind = DirectorCaseKind.PhoneMismatch, RequesterKeys? requester = null) =>
        new(kind, "webchat", SchoolGiven: schoolGiven ?? "jean moulin rennes", PupilGiven: child,
            PupilBirthDateGiven: birth is null ? null : DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture),
            PhoneGiven: phone, SchoolUai: school, Requester: requester);

    /// <summary>A directory with three schools of its own: two open, one closed (0352208K).</summary>
    private static async Task<TestDirectory> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Directory:ReferenceSchools"] = "Never" };
        var directory = await TestDirectory.CreateAsync(values);
        await using var scope = directory.Scope();
        var db = directory.Get<DirectoryDbContext>(scope);
        db.Schools.Add(School.Create("0352207J", "Ecole élémentaire publique Jean Moulin", "Rennes", officialEmail: "ecole.0352207J@ac-rennes.fr"));
        db.Schools.Add(School.Create("0351234A", "Ecole primaire publique les Lucioles", "Baulon", officialEmail: "ecole.0351234A@ac-rennes.fr"));
        var closed = School.Create("0352208K", "Ecole maternelle publique Fermée", "Rennes", officialEmail: "ecole.0352208K@ac-rennes.fr");
        closed.ClosedAt = directory.Time.GetUtcNow();
        db.Schools.Add(closed);
        await db.SaveChangesAsync(Token);
        return directory;
    }

    private static Task<int> SchoolIdAsync(TestDirectory directory, AsyncServiceScope scope, string uai) =>
        directory.Get<DirectoryDbContext>(scope).Schools.Where(s => s.Uai == uai).Select(s => s.Id).SingleAsync(Token);
}
