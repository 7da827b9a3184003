using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Mail;

public sealed class MailKitMailSenderTests
{
    private static readonly OutgoingMail Sample = new(
        "valery.durant@example.fr",
        "Votre identifiant ÉduConnect",
        "Bonjour,\n\nVotre identifiant est : v.durant1\n",
        "<p>Bonjour,</p><p>Votre identifiant est : <strong>v.durant1</strong></p>",
        "identifiant-oublie");

    [Fact]
    public async Task Smtp_DeliversAFrenchTextAndHtmlMessageToARealServer()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var directory = await TestDirectory.CreateAsync(new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        var sender = directory.Services.GetRequiredService<IMailSender>();

        var messageId = await sender.SendAsync(Sample, TestContext.Current.CancellationToken);

        var received = await smtp.WaitForMessageAsync(m => m.MessageId == messageId);
        Assert.Equal("valery.durant@example.fr", ((MailboxAddress)received.To.Single()).Address);
        Assert.Equal("Votre identifiant ÉduConnect", received.Subject);
        Assert.Contains("Votre identifiant est : v.durant1", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>v.durant1</strong>", received.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Assistance Toutatice", ((MailboxAddress)received.From.Single()).Name);
    }

    [Fact]
    public async Task Pickup_WritesOneCompleteEmlFilePerMessage()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var sender = directory.Services.GetRequiredService<IMailSender>();

        await sender.SendAsync(Sample, TestContext.Current.CancellationToken);
        await sender.SendAsync(Sample with { To = "guillaume.zoumn@example.fr" }, TestContext.Current.CancellationToken);

        var files = System.IO.Directory.GetFiles(directory.OutboxPath);
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        var recipients = files.Select(f => ((MailboxAddress)MimeMessage.Load(f).To.Single()).Address).Order().ToList();
        Assert.Equal(["guillaume.zoumn@example.fr", "valery.durant@example.fr"], recipients);
    }

    [Fact]
    public async Task Send_InvalidRecipient_IsRefusedAndNothingIsWritten()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var sender = directory.Services.GetRequiredService<IMailSender>();

        var error = await Assert.ThrowsAsync<DirectoryValidationException>(() => sender.SendAsync(Sample with { To = "pas une adresse" }));

        Assert.Equal("To", error.Field);
        Assert.False(System.IO.Directory.Exists(directory.OutboxPath) && System.IO.Directory.EnumerateFiles(directory.OutboxPath).Any());
    }

    [Fact]
    public async Task Smtp_ServerDown_FailsLoudly()
    {
        await using var directory = await TestDirectory.CreateAsync(new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = SmtpTestServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        var sender = directory.Services.GetRequiredService<IMailSender>();

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => sender.SendAsync(Sample));
    }
}
