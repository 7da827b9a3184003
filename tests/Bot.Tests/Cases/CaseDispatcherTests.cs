using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Tests.Dialogs;

namespace SupportBot.Bot.Tests.Cases;

/// <summary>Each case's destination is mailed once, a mailbox at most so many times an hour, and the parent once the case is treated.</summary>
public sealed class CaseDispatcherTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASchoolsMailbox_GetsAtMostItsHourlyCap_TheRestFollowsTheNextHour()
    {
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Cases:MailsPerSchoolPerHour"] = "2" });
        var dispatcher = bot.Services.GetRequiredService<CaseDispatcher>();
        foreach (var child in new[] { "Léa", "Noé", "Hugo" })
        {
            await OpenAsync(bot, child);
        }

        var first = await dispatcher.RunOnceAsync(cancellationToken: Token);
        var again = await dispatcher.RunOnceAsync(cancellationToken: Token);
        bot.Time.Advance(TimeSpan.FromMinutes(61));
        var nextHour = await dispatcher.RunOnceAsync(cancellationToken: Token);
        var nothingLeft = await dispatcher.RunOnceAsync(cancellationToken: Token);

        Assert.Equal((2, 0, 1, 0), (first, again, nextHour, nothingLeft));
        Assert.Equal(3, Outbox(bot).Count(m => m.To.Mailboxes.Single().Address == "ecole.0352207j@ac-rennes.fr"));
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        Assert.Equal(3, await db.DirectorCaseEvents.CountAsync(e => e.Type == DirectorCaseEventType.Mailed, Token));
        Assert.False(await db.DirectorCases.AnyAsync(c => c.DestinationMailedAt == null, Token));
    }

    [Fact]
    public async Task ATreatedCase_IsMailedToTheParentOnce_WithTheDirectorsMessage()
    {
        await using var bot = await BotTestHost.StartAsync();
        var dispatcher = bot.Services.GetRequiredService<CaseDispatcher>();
        var reference = await OpenAsync(bot, "Léa");
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var cases = scope.ServiceProvider.GetRequiredService<DirectorCaseService>();
            await cases.SetContactAsync(reference, "guillaume.zoumn@example.fr", null, Token);
            await dispatcher.RunOnceAsync(cancellationToken: Token);
            await cases.ResolveAsync(reference, null, "Corrigé dans ONDE.", Token);
        }

        var told = await dispatcher.RunOnceAsync(cancellationToken: Token);
        var twice = await dispatcher.RunOnceAsync(cancellationToken: Token);

        Assert.Equal((1, 0), (told, twice));
        var mail = Assert.Single(Outbox(bot), m => m.To.Mailboxes.Single().Address == "guillaume.zoumn@example.fr");
        Assert.Contains("Message de l'école : Corrigé dans ONDE.", mail.TextBody, StringComparison.Ordinal);
    }

    private static async Task<string> OpenAsync(BotTestHost bot, string child)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var opening = await scope.ServiceProvider.GetRequiredService<DirectorCaseService>().OpenAsync(new NewDirectorCase(
            DirectorCaseKind.BirthDateMismatch, "webchat", SchoolUai: "0352207J", PupilGiven: child + " Zoumn"), Token);
        return opening.Case!.Reference;
    }

    private static List<MimeMessage> Outbox(BotTestHost bot) =>
        [.. System.IO.Directory.GetFiles(bot.OutboxPath, "*.eml").Select(f => MimeMessage.Load(f))];
}
