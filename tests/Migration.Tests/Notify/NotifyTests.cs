using System.Text.RegularExpressions;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.Migration.Tests.Support;
using SupportBot.Testing;

namespace SupportBot.Migration.Tests.Notify;

/// <summary>Rule 6's notify command, against a real SMTP server.</summary>
public sealed partial class NotifyTests
{
    private const string College = "0350999X";

    [GeneratedRegex(@"https://assistance\.example\.fr/motdepasse/reinitialiser\?jeton=([A-Za-z0-9_%-]+)")]
    private static partial Regex Link();

    private static async Task<MigrationHarness> MigratedAsync(SmtpTestServer smtp)
    {
        var harness = new MigrationHarness();
        harness.Settings["Mail:Mode"] = "Smtp";
        harness.Settings["Mail:Smtp:Host"] = smtp.Host;
        harness.Settings["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        harness.Settings["Mail:Smtp:Security"] = "None";
        var exports = new Exports();
        exports.For(College).Pupil("1", "LE GOFF", "Maëlle")
            .Person("10", "LE GOFF", "Anne", "0600000001", "anne@example.org").Person("11", "LE GOFF", "Yann", "0600000002", "yann@example.org")
            .Person("12", "MORVAN", "Hélène").Responsible("1", "10").Responsible("1", "11").Responsible("1", "12");
        exports.Account("1", "JOINT", "AnneLeGoff35", "anne.confirmee@example.org", true, [$"{College}:10", $"{College}:11"], []);
        exports.Account("2", "PERSONNEL", "helene", "helene@example.org", true, [$"{College}:12"], []);
        await harness.RunAsync(harness.Write(exports));
        return harness;
    }

    [Fact]
    public async Task Notify_MailsIdentifierAndAWorkingSetPasswordLinkOnlyToNotifiedAccounts()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var harness = await MigratedAsync(smtp);

        var result = await harness.CliAsync("notify");

        Assert.Equal(0, result.ExitCode);
        var messages = smtp.Messages();
        Assert.Equal(["anne.confirmee@example.org", "helene@example.org"], messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        var anne = messages.Single(m => m.To.Mailboxes.Single().Address == "anne.confirmee@example.org");
        Assert.Equal("Services en ligne de l'éducation nationale – votre nouvel identifiant", anne.Subject);
        Assert.Contains("Votre identifiant : a.legoff", anne.TextBody);
        Assert.Contains("annelegoff35", anne.TextBody);
        Assert.Contains("<strong>a.legoff</strong>", anne.HtmlBody);
        Assert.Contains("valable 7 jours", anne.TextBody!.Replace('\u00a0', ' '));
        var token = Uri.UnescapeDataString(Link().Match(anne.TextBody).Groups[1].Value);

        var directory = await harness.DirectoryAsync();
        await using (var scope = directory.Scope())
        {
            var resets = directory.Get<PasswordResetService>(scope);
            Assert.Equal(ResetTokenState.Valid, await resets.InspectAsync(token, TestContext.Current.CancellationToken));
            Assert.True((await resets.ResetAsync(token, "Bretagne2026", TestContext.Current.CancellationToken)).Succeeded);
            var account = await directory.Get<AccountService>(scope).FindByIdentifierAsync("a.legoff", TestContext.Current.CancellationToken);
            Assert.True(directory.Get<AccountService>(scope).VerifyPassword(account!, "Bretagne2026"));
        }

        await directory.ShutDownKeepingFilesAsync();
    }

    [Fact]
    public async Task NotifyAgainOrInSlices_NeverMailsAnAccountTwice()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var harness = await MigratedAsync(smtp);

        var first = await harness.CliAsync("notify", "--limit", "1");
        Assert.Single(smtp.Messages());
        var second = await harness.CliAsync("notify");
        var third = await harness.CliAsync("notify");

        Assert.Equal((0, 0, 0), (first.ExitCode, second.ExitCode, third.ExitCode));
        Assert.Contains("0 courriel(s) envoyé(s)", third.Output);
        Assert.Equal(2, smtp.Messages().Count);
        Assert.Equal(2, smtp.Messages().Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
    }

    [Fact]
    public async Task MessagesPerMinute_NextMailWaitsForItsSlot()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var harness = await MigratedAsync(smtp);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        harness.Time = time;
        harness.Settings["Migration:MessagesPerMinute"] = "2";

        var notify = harness.CliAsync("notify");
        await smtp.WaitForMessageAsync(_ => true);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        var beforeTheSlot = smtp.Messages().Count;
        time.Advance(TimeSpan.FromSeconds(30));
        var result = await notify;

        Assert.Equal(1, beforeTheSlot);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, smtp.Messages().Count);
    }

    [Fact]
    public async Task SmtpServerDown_FailureReportedAndRetriedByTheNextRun()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var harness = await MigratedAsync(smtp);
        harness.Settings["Mail:Smtp:Port"] = SmtpTestServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        harness.Settings["Mail:Smtp:TimeoutSeconds"] = "2";

        var failed = await harness.CliAsync("notify");
        harness.Settings["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var retried = await harness.CliAsync("notify");

        Assert.Equal(ExitCodes.Failure, failed.ExitCode);
        Assert.Contains("2 échec(s)", failed.Output);
        Assert.Equal(0, retried.ExitCode);
        Assert.Equal(2, smtp.Messages().Count);
    }
}
