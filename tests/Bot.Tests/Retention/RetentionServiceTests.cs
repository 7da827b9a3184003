using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.DialogState;

namespace SupportBot.Bot.Tests.Retention;

public sealed class RetentionServiceTests : IDisposable
{
    private string? _folder;

    [Fact]
    public async Task RunningService_PurgesOldStateAtEachInterval()
    {
        await using var factory = new BotFactory(settings: new Dictionary<string, string?> { ["Retention:Days"] = "1", ["Retention:IntervalMinutes"] = "60" });
        _folder = factory.Folder;
        using var client = factory.CreateClient();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.ConversationStates.Add(new ConversationStateRecord { Key = "sms/+33600000009", Json = "{}", ETag = "e", UpdatedAt = factory.Time.GetUtcNow() });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        factory.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(60));
        var purged = false;
        for (var i = 0; i < 100 && !purged; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);

            // The service's first round (at start-up) may still be running when the clock jumps; its wait for the next
            // interval then starts after the jump: each further interval of the clock lets the next round run.
            if (i % 10 == 9)
            {
                factory.Time.Advance(TimeSpan.FromMinutes(60));
            }

            await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
            purged = !await db.ConversationStates.AnyAsync(s => s.Key == "sms/+33600000009", TestContext.Current.CancellationToken);
        }

        Assert.True(purged, "The state written a day and an interval ago is still there.");
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            BotFactory.DeleteFolder(_folder);
        }
    }
}
