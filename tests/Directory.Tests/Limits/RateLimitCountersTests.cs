using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Limits;
using SupportBot.AccountDirectory.Retention;
using SupportBot.Testing;

namespace SupportBot.AccountDirectory.Tests.Limits;

public sealed class RateLimitCountersTests
{
    [Fact]
    public async Task TwoInstancesCountingAtOnce_AllowExactlyTheLimit()
    {
        await using var first = await TestDirectory.CreateAsync();
        await using var second = await TestDirectory.CreateAsync(folder: first.Folder);
        var counters = new[] { first.Services.GetRequiredService<RateLimitCounters>(), second.Services.GetRequiredService<RateLimitCounters>() };

        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(
            () => counters[i % 2].TryTakeAsync("recherche-client:abc", 7, TimeSpan.FromHours(1), TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken)));

        Assert.Equal(7, decisions.Count(d => d.Allowed));
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.Equal(TimeSpan.FromHours(1), d.RetryAfter));
    }

    [Fact]
    public async Task ARefusal_SaysWhenTheWindowEnds_AndANewWindowStartsThen()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var counters = directory.Services.GetRequiredService<RateLimitCounters>();
        var window = TimeSpan.FromMinutes(10);

        var first = await counters.TryTakeAsync("k", 1, window, TestContext.Current.CancellationToken);
        directory.Time.Advance(TimeSpan.FromMinutes(4));
        var refused = await counters.TryTakeAsync("k", 1, window, TestContext.Current.CancellationToken);
        var other = await counters.TryTakeAsync("autre", 1, window, TestContext.Current.CancellationToken);
        directory.Time.Advance(TimeSpan.FromMinutes(6));
        var again = await counters.TryTakeAsync("k", 1, window, TestContext.Current.CancellationToken);

        Assert.True(first.Allowed);
        Assert.Equal(new RateLimitDecision(false, TimeSpan.FromMinutes(6)), refused);
        Assert.True(other.Allowed);
        Assert.True(again.Allowed);
    }

    [Fact]
    public async Task TheRetentionPurge_DeletesCountersWhoseWindowEnded()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var counters = directory.Services.GetRequiredService<RateLimitCounters>();
        await counters.TryTakeAsync("court", 1, TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
        await counters.TryTakeAsync("long", 1, TimeSpan.FromHours(2), TestContext.Current.CancellationToken);
        directory.Time.Advance(TimeSpan.FromHours(1));

        var report = await directory.Services.GetRequiredService<RetentionPurge>().PurgeAsync(TestContext.Current.CancellationToken);

        await using var scope = directory.Services.CreateAsyncScope();
        var left = await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().RateLimitCounters.Select(c => c.Key)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, report.RateLimitCounters);
        Assert.Equal(["long"], left);
    }
}
