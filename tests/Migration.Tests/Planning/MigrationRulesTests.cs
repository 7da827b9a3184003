using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Persons;
using SupportBot.Migration.Tests.Support;

namespace SupportBot.Migration.Tests.Planning;

/// <summary>The rules 1 to 8, each checked on what a director's account list (accounts export) shows.</summary>
public sealed class MigrationRulesTests
{
    private const string College = "0350999X";
    private const string Lycee = "0351000Y";

    private static Exports LeGoffFamily()
    {
        var exports = new Exports();
        exports.For(College)
            .Pupil("1826500", "LE GOFF", "Maëlle")
            .Pupil("1826501", "LE GOFF", "Noé", "03/04/2015")
            .Person("209401", "LE GOFF", "Anne", "+33600000001", "anne.legoff@example.org")
            .Person("209402", "LE GOFF", "Yann", "06 00 00 00 02", "yann.legoff@example.org")
            .Responsible("1826500", "209401").Responsible("1826500", "209402")
            .Responsible("1826501", "209401").Responsible("1826501", "209402");
        return exports;
    }

    [Fact]
    public async Task SameNamesPhoneAndEmailInTwoSchools_OneAccountForBoth()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.For(Lycee).Pupil("77", "LE GOFF", "Erwan", "01/02/2009")
            .Person("5", "Le Goff", "ANNE", "06 00 00 00 01", "Anne.LeGoff@example.org").Responsible("77", "5");
        exports.Account("1", "PERSONNEL", "annelegoff35", "anne.legoff@example.org", true, [$"{College}:209401"], [$"{College}:1826500:209401"]);

        var result = await harness.RunAsync(harness.Write(exports));

        Assert.Equal(0, result.ExitCode);
        var account = Assert.Single(await harness.AccountsAsync());
        Assert.Equal($"{College}:209401|{Lycee}:5", account["personnes"]);
        Assert.Equal($"{College}:1826500|{College}:1826501|{Lycee}:77", account["eleves"]);
    }

    [Fact]
    public async Task SameNamesButOnlyThePhoneInCommon_KeptApartAndReportedAsPossibleDuplicate()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.For(Lycee).Pupil("77", "LE GOFF", "Erwan", "01/02/2009")
            .Person("5", "LE GOFF", "Anne", "+33600000001", "autre.adresse@example.org").Responsible("77", "5");
        exports.Account("1", "PERSONNEL", "annelegoff35", "anne.legoff@example.org", true, [$"{College}:209401"], [$"{College}:1826500:209401"]);
        exports.Account("2", "PERSONNEL", "anne.lycee", null, false, [$"{Lycee}:5"], [$"{Lycee}:77:5"]);

        await harness.RunAsync(harness.Write(exports));

        var accounts = await harness.AccountsAsync();
        Assert.Equal(["a.legoff", "a.legoff1"], accounts.Select(a => a["identifiant"]));
        Assert.Equal(1, harness.Summary().GetProperty("possibleDuplicates").GetInt32());
        Assert.Contains(harness.Rejects(), l => l.Contains("doublon_possible") && l.Contains($"{Lycee}:5"));
    }

    [Fact]
    public async Task PersonHoldingSeveralLegacyAccounts_GetsExactlyOneAccountWithEveryOldIdentifier()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.Account("1", "PERSONNEL", "AnneLeGoff35", "anne.legoff@example.org", true, [$"{College}:209401"], [$"{College}:1826500:209401"]);
        exports.Account("2", "PERSONNEL", "anne2", null, false, [$"{College}:209401"], [$"{College}:1826501:209401"]);

        await harness.RunAsync(harness.Write(exports));

        var account = Assert.Single(await harness.AccountsAsync());
        Assert.Equal("anne2|annelegoff35", account["anciens_identifiants"]);
        Assert.Equal(1, harness.Summary().GetProperty("accountsCreated").GetInt32());
    }

    [Fact]
    public async Task DirectoryAlreadyHasTheSamePerson_AccountReusedNotDuplicated()
    {
        await using var harness = new MigrationHarness();
        var directory = await harness.DirectoryAsync(seedDemo: true);
        await directory.ShutDownKeepingFilesAsync();
        var exports = new Exports();

        // Valéry DURANT of the demo data (v.durant1, activated), as the collège's SIECLE knows her.
        exports.For(College).Pupil("1", "DURAND", "Alexis").Person("42", "DURANT", "Valéry", "06 12 34 56 78", "valery.durant@example.fr").Responsible("1", "42");
        exports.Account("9", "PERSONNEL", "valdu", "valery.durant@example.fr", true, [$"{College}:42"], [$"{College}:1:42"]);

        await harness.RunAsync(harness.Write(exports));

        var accounts = await harness.AccountsAsync();
        Assert.Equal(5, accounts.Count);
        var valery = Assert.Single(accounts, a => a["identifiant"] == "v.durant1");
        Assert.Equal("Activé", valery["statut"]);
        Assert.Equal($"{College}:42", valery["personnes"]);
        Assert.Equal("valdu", valery["anciens_identifiants"]);
        Assert.Equal(1, harness.Summary().GetProperty("accountsReused").GetInt32());
    }

    [Fact]
    public async Task PupilWithoutLegacyAttachment_LinkedBySiblingRapprochement()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.Account("1", "PERSONNEL", "annelegoff35", "anne.legoff@example.org", true, [$"{College}:209401"], [$"{College}:1826500:209401"]);

        await harness.RunAsync(harness.Write(exports));

        var account = Assert.Single(await harness.AccountsAsync());
        Assert.Equal($"{College}:1826500|{College}:1826501", account["eleves"]);
        Assert.Equal(1, harness.Summary().GetProperty("linksAddedByRapprochement").GetInt32());
    }

    [Fact]
    public async Task AttachmentToLeftPupilOrToAContactOnly_NotLinkedAndReported()
    {
        await using var harness = new MigrationHarness();
        var exports = new Exports();
        exports.For(College)
            .Pupil("1", "LE GOFF", "Maëlle").Pupil("2", "LE GOFF", "Noé", left: true).Pupil("3", "MORVAN", "Jade")
            .Person("10", "LE GOFF", "Anne", "+33600000001", "anne.legoff@example.org")
            .Responsible("1", "10").Responsible("2", "10").Responsible("3", "10", level: 3);
        exports.Account("1", "PERSONNEL", "anne35", "anne.legoff@example.org", true, [$"{College}:10"],
            [$"{College}:1:10", $"{College}:2:10", $"{College}:3:10", $"{College}:404:10"]);

        await harness.RunAsync(harness.Write(exports));

        var account = Assert.Single(await harness.AccountsAsync());
        Assert.Equal($"{College}:1", account["eleves"]);
        Assert.Equal(3, harness.Summary().GetProperty("staleAttachments").GetInt32());
        var rejects = harness.Rejects();
        Assert.Equal(2, rejects.Count(l => l.Contains("rattachement_eleve_parti")));
        Assert.Single(rejects, l => l.Contains("rattachement_plus_responsable") && l.Contains($"{College}:3"));
    }

    [Fact]
    public async Task JointAccount_SplitIntoTwoAccountsBothLinkedToTheChildren()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.Account("1", "JOINT", "annelegoff35", "anne.legoff@example.org", true, [$"{College}:209401", $"{College}:209402"],
            [$"{College}:1826500:209401", $"{College}:1826500:209402"]);

        await harness.RunAsync(harness.Write(exports));

        var accounts = await harness.AccountsAsync();
        Assert.Equal(["a.legoff", "y.legoff"], accounts.Select(a => a["identifiant"]));
        Assert.All(accounts, a => Assert.Equal($"{College}:1826500|{College}:1826501", a["eleves"]));

        // Rule 5: the first holder keeps the confirmed address; the second gets their SIECLE address, unconfirmed.
        Assert.Equal(("anne.legoff@example.org", "1", "Notifié et non activé"), (accounts[0]["mel"], accounts[0]["mel_confirme"], accounts[0]["statut"]));
        Assert.Equal(("yann.legoff@example.org", "0", "Non notifié"), (accounts[1]["mel"], accounts[1]["mel_confirme"], accounts[1]["statut"]));
        Assert.Equal("annelegoff35", accounts[0]["anciens_identifiants"]);
        Assert.Equal("+33600000002", accounts[1]["portable"]);
    }

    [Fact]
    public async Task SeveralLegacyAddresses_ConfirmedBeatsUnconfirmedThenMostRecentConnection()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.Account("1", "PERSONNEL", "a1", "recent.unconfirmed@example.org", false, [$"{College}:209401"], [], "01/01/2020", "01/11/2026");
        exports.Account("2", "PERSONNEL", "a2", "old.confirmed@example.org", true, [$"{College}:209401"], [], "01/01/2014", "01/01/2016");
        exports.Account("3", "PERSONNEL", "a3", "recent.confirmed@example.org", true, [$"{College}:209401"], [], "01/01/2013", "05/05/2024");
        exports.Account("4", "PERSONNEL", "y1", null, false, [$"{College}:209402"], []);

        await harness.RunAsync(harness.Write(exports));

        var accounts = await harness.AccountsAsync();
        Assert.Equal(("recent.confirmed@example.org", "1"), (accounts[0]["mel"], accounts[0]["mel_confirme"]));
        Assert.Equal(("yann.legoff@example.org", "0"), (accounts[1]["mel"], accounts[1]["mel_confirme"]));
    }

    [Fact]
    public async Task SeveralLegacyAddresses_AllElseEqual_TheSmallestCompteIdAsWrittenWins()
    {
        // COMPTE_IDs are compared as text: "10" comes before "9", and "010" is another account than "10".
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.Account("9", "PERSONNEL", "a9", "nine@example.org", true, [$"{College}:209401"], [], "01/01/2020", "01/11/2026");
        exports.Account("10", "PERSONNEL", "a10", "ten@example.org", true, [$"{College}:209401"], [], "01/01/2020", "01/11/2026");
        exports.Account("010", "PERSONNEL", "a010", "zero-ten@example.org", false, [$"{College}:209401"], [], "01/01/2020", "01/11/2026");
        exports.Account("10", "PERSONNEL", "again", null, false, [$"{College}:209402"], []);

        await harness.RunAsync(harness.Write(exports));

        var accounts = await harness.AccountsAsync();
        Assert.Equal(("ten@example.org", "1", "a010|a10|a9"), (accounts[0]["mel"], accounts[0]["mel_confirme"], accounts[0]["anciens_identifiants"]));
        Assert.Single(harness.Rejects(), l => l.Contains("COMPTE 10;rejet;doublon_enregistrement"));
    }

    [Fact]
    public async Task MigratedAccounts_OriginMigrationSiecleAndNoPasswordCarriedOver()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.Account("1", "JOINT", "annelegoff35", "anne.legoff@example.org", true, [$"{College}:209401", $"{College}:209402"], []);

        await harness.RunAsync(harness.Write(exports));

        var directory = await harness.DirectoryAsync();
        await using (var scope = directory.Scope())
        {
            var db = directory.Get<DirectoryDbContext>(scope);
            var rows = await db.Accounts.ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(rows, a => Assert.Equal(AccountOrigin.MigrationSiecle, a.Origin));
            Assert.All(rows, a => Assert.Null(a.PasswordHash));
            Assert.All(rows, a => Assert.Null(a.ActivatedAt));
        }

        await directory.ShutDownKeepingFilesAsync();
        Assert.All(await harness.AccountsAsync(), a => Assert.Equal("Migration SIECLE", a["origine"]));
    }

    [Fact]
    public async Task IdentifiersTakenInTheDirectory_Respected()
    {
        await using var harness = new MigrationHarness();
        var directory = await harness.DirectoryAsync();
        await using (var scope = directory.Scope())
        {
            var accounts = directory.Get<AccountService>(scope);
            await accounts.CreateAsync(Person.Create("Arthur", "LEGOFF"), AccountOrigin.Etablissement, AccountStatus.Active,
                cancellationToken: TestContext.Current.CancellationToken);
        }

        await directory.ShutDownKeepingFilesAsync();
        var exports = LeGoffFamily();
        exports.Account("1", "PERSONNEL", "anne", null, false, [$"{College}:209401"], []);

        await harness.RunAsync(harness.Write(exports));

        Assert.Equal(["a.legoff", "a.legoff1"], (await harness.AccountsAsync()).Select(a => a["identifiant"]));
        Assert.Equal("Migration SIECLE", (await harness.AccountsAsync()).Single(a => a["identifiant"] == "a.legoff1")["origine"]);
    }

    [Fact]
    public async Task HomonymsAcrossFilesInAnyOrderOrLayout_SameIdentifiers()
    {
        await using var harness = new MigrationHarness();
        Exports Build(bool reversed)
        {
            var exports = new Exports();
            var schools = reversed ? new[] { Lycee, College } : [College, Lycee];
            foreach (var uaj in schools)
            {
                exports.For(uaj).Pupil("1", "MARTIN", "Léo").Person("7", "MARTIN", "Marie", uaj == College ? "0611111111" : "0622222222").Responsible("1", "7");
            }

            var accounts = new[] { ("1", College), ("2", Lycee) };
            foreach (var (id, uaj) in reversed ? accounts.Reverse() : accounts)
            {
                exports.Account(id, "PERSONNEL", "marie" + id, null, false, [$"{uaj}:7"], [$"{uaj}:1:7"]);
            }

            return exports;
        }

        await harness.RunAsync(harness.Write(Build(false), "first"));
        var first = await harness.ExportAsync();
        harness.DeleteDatabase();
        await harness.RunAsync(harness.Write(Build(true), "second", College));
        var second = await harness.ExportAsync();

        Assert.Equal(first, second);
        Assert.Contains(first, l => l.StartsWith("m.martin;", StringComparison.Ordinal) && l.Contains($"{College}:7"));
        Assert.Contains(first, l => l.StartsWith("m.martin1;", StringComparison.Ordinal) && l.Contains($"{Lycee}:7"));
    }

    [Fact]
    public async Task OldIdentifier_FindsTheNewAccountLikeTheBotDoes()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.Account("1", "PERSONNEL", "AnneLeGoff35", "anne.legoff@example.org", true, [$"{College}:209401"], []);
        await harness.RunAsync(harness.Write(exports));

        var directory = await harness.DirectoryAsync();
        await using var scope = directory.Scope();
        var found = await directory.Get<AccountService>(scope).FindByIdentifierAsync("annelegoff35", TestContext.Current.CancellationToken);

        Assert.Equal("a.legoff", found?.Identifier);
        await directory.ShutDownKeepingFilesAsync();
    }

    [Fact]
    public async Task SameOldIdentifierOnTwoPersonsAccounts_KeptForTheFirstAndReportedForTheOther()
    {
        await using var harness = new MigrationHarness();
        var exports = LeGoffFamily();
        exports.Account("1", "PERSONNEL", "legoff", null, false, [$"{College}:209401"], []);
        exports.Account("2", "PERSONNEL", "LEGOFF", null, false, [$"{College}:209402"], []);

        await harness.RunAsync(harness.Write(exports));

        var accounts = await harness.AccountsAsync();
        Assert.Equal(("legoff", ""), (accounts[0]["anciens_identifiants"], accounts[1]["anciens_identifiants"]));
        Assert.Contains(harness.Rejects(), l => l.Contains("COMPTE 2;signalement;ancien_identifiant_en_double;"));
    }
}
