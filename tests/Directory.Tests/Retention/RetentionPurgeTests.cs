using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Channels;
using SupportBot.AccountDirectory.DialogState;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Retention;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Retention;

public sealed class RetentionPurgeTests
{
    [Fact]
    public async Task ExchangesOlderThanTheRetention_AreDeleted_TheRestIsKept()
    {
        await using var directory = await TestDirectory.CreateAsync(seedDemo: true);
        var now = directory.Time.GetUtcNow();
        var old = now.AddDays(-31);
        var recent = now.AddDays(-29);
        await using (var scope = directory.Scope())
        {
            var db = directory.Get<DirectoryDbContext>(scope);
            var accountId = await db.Accounts.Select(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
            AddConversation(db, "ancienne", old, old, old.AddMinutes(5));
            AddConversation(db, "recente", recent, recent);
            AddConversation(db, "toujours-en-cours", old, old, now.AddHours(-1));
            db.ConversationStates.AddRange(
                new ConversationStateRecord { Key = "directline/ancienne", Json = "{}", ETag = "a", UpdatedAt = old },
                new ConversationStateRecord { Key = "sms/+33600000001", Json = "{}", ETag = "b", UpdatedAt = recent },
                new ConversationStateRecord { Key = "sms/+33600000002", Json = "{}", ETag = "c", UpdatedAt = old, LeaseOwner = "tour-en-cours", LeaseUntilMs = long.MaxValue });
            db.UserStates.AddRange(
                new UserStateRecord { Key = "sms/+33600000001", Json = "{}", ETag = "a", UpdatedAt = old },
                new UserStateRecord { Key = "sms/+33600000003", Json = "{}", ETag = "b", UpdatedAt = recent });
            db.SmsMessages.AddRange(
                new SmsMessage { MessageSid = "SM-ancien", From = "+33600000001", ReceivedAt = old, ResponseTwiml = "<Response/>" },
                new SmsMessage { MessageSid = "SM-recent", From = "+33600000001", ReceivedAt = recent });
            db.SmsOptOuts.Add(new SmsOptOut { Phone = "+33600000001", OptedOutAt = old.AddDays(-300) });
            db.MisunderstoodMessages.AddRange(
                new MisunderstoodMessage { Channel = "sms", Text = "blorp", At = old },
                new MisunderstoodMessage { Channel = "webchat", Text = "blorp", At = recent });
            db.SentMails.AddRange(
                new SentMail { Scope = "ecole:0352207J", Purpose = "dossier-ecole", SentAt = now.AddHours(-25) },
                new SentMail { Scope = "ecole:0352207J", Purpose = "dossier-ecole", SentAt = now.AddHours(-2) });
            db.QueuedMails.AddRange(
                new QueuedMail { Purpose = "envoyer-lien", MaskedTarget = "v.***", Status = QueuedMailStatus.Failed, CreatedAt = old, NextAttemptAt = old, FailedAt = old },
                new QueuedMail { Purpose = "envoyer-identifiant", Target = "a@example.fr", MaskedTarget = "a***@example.fr", CreatedAt = old, NextAttemptAt = old },
                new QueuedMail { Purpose = "envoyer-lien", MaskedTarget = "v.***", Status = QueuedMailStatus.Failed, CreatedAt = recent, NextAttemptAt = recent, FailedAt = recent });
            db.SmsDeliveries.AddRange(
                new SmsDelivery { MessageSid = "SM-sortant-ancien", SentAt = old, Status = "delivered" },
                new SmsDelivery { MessageSid = "SM-sortant-recent", SentAt = recent, Status = "undelivered", ErrorCode = 30003 });
            db.PasswordResetTokens.AddRange(
                new PasswordResetToken { AccountId = accountId, TokenHash = new string('a', 64), CreatedAt = old, ExpiresAt = old.AddHours(1) },
                new PasswordResetToken { AccountId = accountId, TokenHash = new string('b', 64), CreatedAt = recent, ExpiresAt = recent.AddHours(1) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await directory.Get<DirectorCaseService>(scope).OpenAsync(new NewDirectorCase(DirectorCaseKind.Other, "sms", "+33600000001"),
                TestContext.Current.CancellationToken);
        }

        var report = await directory.Services.GetRequiredService<RetentionPurge>().PurgeAsync(TestContext.Current.CancellationToken);

        await using var check = directory.Scope();
        var after = directory.Get<DirectoryDbContext>(check);
        Assert.Equal(["recente", "toujours-en-cours"], await after.ChannelConversations.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await after.ChannelActivities.CountAsync(a => a.ConversationId == "toujours-en-cours", TestContext.Current.CancellationToken));
        Assert.Equal(["sms/+33600000001", "sms/+33600000002"], await after.ConversationStates.OrderBy(s => s.Key).Select(s => s.Key).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["sms/+33600000003"], await after.UserStates.Select(s => s.Key).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["SM-recent"], await after.SmsMessages.Select(m => m.MessageSid).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await after.SmsOptOuts.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await after.PasswordResetTokens.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await after.DirectorCases.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await after.DirectorCaseEvents.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(now.AddHours(-2), (await after.SentMails.SingleAsync(TestContext.Current.CancellationToken)).SentAt);
        Assert.Equal(new RetentionReport(Conversations: 1, Activities: 2, ConversationStates: 1, UserStates: 1, SmsMessages: 1, ResetTokens: 1, SentMails: 1, MisunderstoodMessages: 1,
            ForgottenActivities: 1, QueuedMails: 2, SmsDeliveries: 1), report);
        Assert.Equal("SM-sortant-recent", (await after.SmsDeliveries.SingleAsync(TestContext.Current.CancellationToken)).MessageSid);
        Assert.Equal(recent, (await after.QueuedMails.SingleAsync(TestContext.Current.CancellationToken)).CreatedAt);
        Assert.Equal("webchat", (await after.MisunderstoodMessages.SingleAsync(TestContext.Current.CancellationToken)).Channel);
    }

    [Fact]
    public async Task ManyOldConversations_AreAllDeletedAcrossBatches()
    {
        await using var directory = await TestDirectory.CreateAsync(settings: new Dictionary<string, string?> { ["Retention:Days"] = "7" });
        var old = directory.Time.GetUtcNow().AddDays(-8);
        await using (var scope = directory.Scope())
        {
            var db = directory.Get<DirectoryDbContext>(scope);
            for (var i = 0; i < 450; i++)
            {
                AddConversation(db, $"c{i:D4}", old, old, old.AddSeconds(1));
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var report = await directory.Services.GetRequiredService<RetentionPurge>().PurgeAsync(TestContext.Current.CancellationToken);

        await using var check = directory.Scope();
        var after = directory.Get<DirectoryDbContext>(check);
        Assert.Equal((450, 900), (report.Conversations, report.Activities));
        Assert.False(await after.ChannelActivities.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PastTheVerbatimWindow_WhatParentsWroteIsForgotten()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var now = directory.Time.GetUtcNow();
        var yesterday = now.AddHours(-25);
        var earlier = now.AddHours(-23);
        await using (var scope = directory.Scope())
        {
            var db = directory.Get<DirectoryDbContext>(scope);
            AddConversation(db, "hier", yesterday, yesterday, yesterday.AddMinutes(2));
            AddConversation(db, "ce-matin", yesterday, yesterday, earlier);
            db.ConversationStates.AddRange(
                new ConversationStateRecord { Key = "sms/a", Json = """{"stack":[{"id":"x"}],"cases":["SB-234567"]}""", ETag = "a1", UpdatedAt = yesterday },
                new ConversationStateRecord { Key = "sms/b", Json = """{"stack":[{"id":"x"}]}""", ETag = "b1", UpdatedAt = yesterday },
                new ConversationStateRecord { Key = "sms/c", Json = """{"stack":[{"id":"x"}]}""", ETag = "c1", UpdatedAt = earlier },
                new ConversationStateRecord { Key = "sms/d", Json = """{"stack":[{"id":"x"}]}""", ETag = "d1", UpdatedAt = yesterday, LeaseOwner = "tour", LeaseUntilMs = long.MaxValue });
            db.SmsMessages.AddRange(
                new SmsMessage { MessageSid = "SM-hier", From = "cle", ReceivedAt = yesterday, ResponseTwiml = "<Response><Message>Anne Le Goff</Message></Response>" },
                new SmsMessage { MessageSid = "SM-recent", From = "cle", ReceivedAt = earlier, ResponseTwiml = "<Response/>" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var report = await Purge(directory).PurgeAsync(TestContext.Current.CancellationToken);
        var again = await Purge(directory).PurgeAsync(TestContext.Current.CancellationToken);

        await using var check = directory.Scope();
        var after = directory.Get<DirectoryDbContext>(check);
        Assert.Equal((2, 1, 2), (report.ForgottenActivities, report.ForgottenSmsAnswers, report.ReducedStates));
        Assert.Equal(0, again.Total);
        Assert.Equal(["ce-matin", "ce-matin"], await after.ChannelActivities.Select(a => a.ConversationId).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await after.ChannelConversations.CountAsync(TestContext.Current.CancellationToken));
        var states = await after.ConversationStates.OrderBy(s => s.Key).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([("sms/a", """{"cases":["SB-234567"]}"""), ("sms/c", """{"stack":[{"id":"x"}]}"""), ("sms/d", """{"stack":[{"id":"x"}]}""")],
            states.Select(s => (s.Key, s.Json)));
        Assert.StartsWith(ConversationStateRecord.ReducedMark, states[0].ETag, StringComparison.Ordinal);
        Assert.Equal([("SM-hier", (string?)null), ("SM-recent", "<Response/>")],
            (await after.SmsMessages.OrderBy(m => m.MessageSid).ToListAsync(TestContext.Current.CancellationToken)).Select(m => (m.MessageSid, m.ResponseTwiml)));
    }

    [Fact]
    public async Task TreatedCases_AreDeletedWithTheirHistoryClosedCaseDaysLater_OpenOnesAreKept()
    {
        await using var directory = await TestDirectory.CreateAsync();
        string first, second, open;
        await using (var scope = directory.Scope())
        {
            var cases = directory.Get<DirectorCaseService>(scope);
            first = (await cases.OpenAsync(new NewDirectorCase(DirectorCaseKind.Other, "sms", "+33600000001", PupilGiven: "Léa"), TestContext.Current.CancellationToken)).Case!.Reference;
            second = (await cases.OpenAsync(new NewDirectorCase(DirectorCaseKind.Other, "sms", "+33600000002", PupilGiven: "Noé"), TestContext.Current.CancellationToken)).Case!.Reference;
            open = (await cases.OpenAsync(new NewDirectorCase(DirectorCaseKind.Other, "sms", "+33600000003", PupilGiven: "Hugo"), TestContext.Current.CancellationToken)).Case!.Reference;
            Assert.True(await cases.ResolveAsync(first, TestContext.Current.CancellationToken));
        }

        directory.Time.Advance(TimeSpan.FromDays(59));
        await using (var scope = directory.Scope())
        {
            Assert.True(await directory.Get<DirectorCaseService>(scope).ResolveAsync(second, TestContext.Current.CancellationToken));
        }

        directory.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var report = await Purge(directory).PurgeAsync(TestContext.Current.CancellationToken);

        await using var check = directory.Scope();
        var after = directory.Get<DirectoryDbContext>(check);
        Assert.Equal(1, report.ClosedCases);
        Assert.Equal([open, second], (await after.DirectorCases.Select(c => c.Reference).ToListAsync(TestContext.Current.CancellationToken)).Order().OrderBy(r => r != open));
        Assert.Equal(await after.DirectorCaseEvents.CountAsync(TestContext.Current.CancellationToken),
            await after.DirectorCaseEvents.CountAsync(e => after.DirectorCases.Any(c => c.Id == e.DirectorCaseId), TestContext.Current.CancellationToken));
        Assert.Equal(3, await after.DirectorCaseEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    private static RetentionPurge Purge(TestDirectory directory) =>
        new(directory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>(), directory.Time, Options.Create(new RetentionOptions()), new KeepCases());

    /// <summary>The bot's reducer keeps the case references; this one does the same on the raw JSON.</summary>
    private sealed class KeepCases : IConversationStateReducer
    {
        public string? Reduce(string json) =>
            System.Text.Json.Nodes.JsonNode.Parse(json)!["cases"] is { } cases ? new System.Text.Json.Nodes.JsonObject { ["cases"] = cases.DeepClone() }.ToJsonString() : null;
    }

    private static void AddConversation(DirectoryDbContext db, string id, DateTimeOffset created, params DateTimeOffset[] activities)
    {
        db.ChannelConversations.Add(new ChannelConversation
        {
            Id = id, ChannelId = "directline", UserId = "dl_parent", CreatedAt = created, LastSequence = activities.Length,
        });
        for (var i = 0; i < activities.Length; i++)
        {
            db.ChannelActivities.Add(new ChannelActivity
            {
                ConversationId = id, Sequence = i + 1, ActivityId = $"{id}|{i + 1:D7}", Json = "{}", CreatedAt = activities[i],
            });
        }
    }
}
