using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Tests.Dialogs;

namespace SupportBot.Bot.Tests.Mail;

/// <summary>
/// What a look-up's turn does, seen from the database and the outbox: the same for an account that exists and one that
/// does not (one request queued, no mail yet), so that nothing in the turn (its writes, its time) tells them apart.
/// </summary>
public sealed class LookupTurnTests
{
    [Theory]
    [InlineData("identifiant oublié", null, "valery.durant@example.fr", "valery.durand@example.fr")]
    [InlineData("mot de passe oublié", "oui", "v.durant1", "v.durand1")]
    public async Task KnownAndUnknown_TheTurnWritesTheSameRowsAndSendsNothing(string subject, string? confirm, string known, string unknown)
    {
        await using var bot = await BotTestHost.StartAsync();

        var knownChanges = await ChangesOfTheLookupAsync(bot, subject, confirm, known);
        var unknownChanges = await ChangesOfTheLookupAsync(bot, subject, confirm, unknown);

        Assert.Equal(knownChanges, unknownChanges);
        Assert.Equal(1, knownChanges[await QueueTableAsync(bot)]);
        Assert.False(Directory.Exists(bot.OutboxPath) && Directory.EnumerateFiles(bot.OutboxPath).Any(), "A mail left during the turn.");
    }

    [Fact]
    public async Task TheWorker_SendsTheKnownOnly_AndForgetsBothRequests()
    {
        await using var bot = await BotTestHost.StartAsync();
        await bot.Conversation().Send("identifiant oublié").AssertReply("adresse").Send("valery.durant@example.fr").AssertReply("Si un compte");
        await bot.Conversation().Send("identifiant oublié").AssertReply("adresse").Send("valery.durand@example.fr").AssertReply("Si un compte");

        var sent = await bot.DeliverMailAsync();

        Assert.Equal(1, sent);
        var mail = Assert.Single(await LostIdentifierDialogTests.OutboxAsync(bot));
        Assert.Equal("valery.durant@example.fr", mail.To.Mailboxes.Single().Address);
        await using var scope = bot.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().QueuedMails.AnyAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>How many rows each table gained or lost over the look-up's last turn (the one that reads the address or identifier).</summary>
    private static async Task<Dictionary<string, int>> ChangesOfTheLookupAsync(BotTestHost bot, string subject, string? confirm, string target)
    {
        var flow = bot.Conversation().Send(subject);
        if (confirm is not null)
        {
            flow = flow.AssertReply(_ => { }).Send(confirm);
        }

        await flow.AssertReply(_ => { });
        var before = await CountsAsync(bot);
        await flow.Send(target).AssertReply(_ => { }).AssertReply(_ => { });
        var after = await CountsAsync(bot);
        return after.Where(t => t.Value != before[t.Key]).ToDictionary(t => t.Key, t => t.Value - before[t.Key]);
    }

    private static async Task<Dictionary<string, int>> CountsAsync(BotTestHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var counts = new Dictionary<string, int>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            counts[table] = await CountAsync(db, table);
        }

        return counts;
    }

    private static async Task<string> QueueTableAsync(BotTestHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Model.FindEntityType(typeof(QueuedMail))!.GetTableName()!;
    }

    // Table names come from the EF model, not from input.
#pragma warning disable EF1002
    private static Task<int> CountAsync(DirectoryDbContext db, string table) =>
        db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(TestContext.Current.CancellationToken);
#pragma warning restore EF1002
}
