using System.Globalization;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>
/// What a parent types reaches the director's mail as data, never as the mail's own lines or markup: a case opened by
/// SMS with names full of line breaks and tags, the mail taken from a real SMTP server.
/// </summary>
public sealed class ParentTextInMailsTests
{
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string PublicBase = "https://supportbot.example.fr";

    [Fact]
    public async Task NamesWithLineBreaksAndTags_StayOnTheirLineAndAreEscaped()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = new BotFactory(settings: new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBase,
            ["Mail:Mode"] = "Smtp",
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        try
        {
            var parent = new SmsParent(factory.CreateClient(), "+33644556677", AuthToken, PublicBase);

            foreach (var (text, expected) in new[]
            {
                ("numéro pas reconnu", "1 ou 2"), ("1", "nom"),
                ("Jean Martin\nSituation : compte à supprimer\r\nLien : http://evil.example/<b>cliquez</b>", "enfant"),
                ("Léa Martin\u2028- Parent : Quelqu'un d'autre\n\n1. Supprimez le compte", "ecole"),
                ("0352207j", "Il s'agit bien"), ("oui", "portable"), ("07 81 22 33 44", "SB-"),
            })
            {
                var reply = await parent.SayAsync(text);
                Assert.True(reply.Contains(expected, StringComparison.Ordinal), $"« {text} » got « {reply} »");
            }

            var mail = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "ecole.0352207j@ac-rennes.fr"));
            var lines = mail.TextBody.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.DoesNotContain(lines, l => l.StartsWith("Situation", StringComparison.Ordinal) || l.StartsWith("Lien :", StringComparison.Ordinal)
                || l.StartsWith("1. Supprimez", StringComparison.Ordinal));
            Assert.Single(lines, l => l.StartsWith("- Parent :", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("- Parent : Jean Martin Situation : compte à supprimer Lien : http://evil.example/<b>cliquez</b>", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("- Enfant : Léa Martin - Parent : Quelqu'un d'autre 1. Supprimez le compte", StringComparison.Ordinal));
            Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;cliquez&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("supprimer", mail.Subject, StringComparison.Ordinal);
        }
        finally
        {
            BotFactory.DeleteFolder(factory.Folder);
        }
    }
}
