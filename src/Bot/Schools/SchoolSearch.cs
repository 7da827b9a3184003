using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;

namespace SupportBot.Bot.Schools;

/// <summary>
/// The search over the directory's open schools, for the whole service. The index is built on first use and rebuilt
/// when the schools change: another process (<c>schools import</c>, the first run's import) may write them, so at most
/// every <see cref="CheckInterval"/> the look-up that finds the index due compares a stamp of the table (one aggregate
/// query: counts, the highest id, the latest import) with the index's, and rebuilds it only if they differ. Look-ups
/// arriving meanwhile do not wait: they use the current index.
/// </summary>
internal sealed partial class SchoolSearch(IDbContextFactory<DirectoryDbContext> contexts, TimeProvider time, ILogger<SchoolSearch> logger)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _current;

    private sealed record Snapshot(SchoolIndex Index, SchoolStamp Stamp, DateTimeOffset CheckedAt);

    /// <summary>What changes when an import adds, rewrites, closes or reopens schools.</summary>
    private sealed record SchoolStamp(int Count, int Open, int MaxId, DateTimeOffset? MaxImportedAt);

    public async ValueTask<SchoolSearchResult> FindAsync(string text, CancellationToken cancellationToken = default) =>
        (await IndexAsync(cancellationToken)).Find(text);

    /// <summary>The first text again with the parent's answer to the bot's question: « st joseph », then « corps nuds ».</summary>
    public async ValueTask<SchoolSearchResult> FindAsync(string previous, string answer, CancellationToken cancellationToken = default) =>
        (await IndexAsync(cancellationToken)).Find(previous, answer);

    public async ValueTask<CommuneSchools?> FindCommuneAsync(string text, CancellationToken cancellationToken = default) =>
        (await IndexAsync(cancellationToken)).FindCommune(text);

    /// <summary>The current index, checked against the directory if the last check is <see cref="CheckInterval"/> old.</summary>
    public async ValueTask<SchoolIndex> IndexAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.CheckedAt < CheckInterval)
        {
            return current.Index;
        }

        if (current is null)
        {
            await _refresh.WaitAsync(cancellationToken);
        }
        else if (!await _refresh.WaitAsync(0, cancellationToken))
        {
            return current.Index;
        }

        try
        {
            return await RefreshAsync(cancellationToken);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<SchoolIndex> RefreshAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        var now = time.GetUtcNow();
        if (current is not null && now - current.CheckedAt < CheckInterval)
        {
            return current.Index;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var stamp = await ReadStampAsync(db, cancellationToken);
            if (current is not null && current.Stamp == stamp)
            {
                _current = current with { CheckedAt = now };
                return current.Index;
            }

            var started = time.GetTimestamp();
            var schools = await db.Schools.AsNoTracking()
                .Where(s => s.ClosedAt == null)
                .Select(s => new SchoolEntry(s.Uai, s.Name, s.Commune, s.PostalCode, s.Sector))
                .ToListAsync(cancellationToken);
            var index = SchoolIndex.Build(schools);
            _current = new Snapshot(index, stamp, now);
            LogBuilt(logger, index.Count, time.GetElapsedTime(started).TotalMilliseconds);
            return index;
        }
        catch (Exception e) when (current is not null && e is not OperationCanceledException)
        {
            // Keep answering with what we have; try again after the next interval rather than on every look-up.
            LogCheckFailed(logger, e);
            _current = current with { CheckedAt = now };
            return current.Index;
        }
    }

    private static async Task<SchoolStamp> ReadStampAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        // One row, or none when the table is empty: one round trip either way.
        var stamps = await db.Schools
            .GroupBy(_ => 1)
            .Select(g => new SchoolStamp(
                g.Count(),
                g.Count(s => s.ClosedAt == null),
                g.Max(s => s.Id),
                g.Max(s => s.ImportedAt)))
            .ToListAsync(cancellationToken);
        return stamps.Count > 0 ? stamps[0] : new SchoolStamp(0, 0, 0, null);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "School search index built: {Schools} open schools in {Milliseconds:0} ms")]
    private static partial void LogBuilt(ILogger logger, int schools, double milliseconds);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Could not check the directory's schools; the school search keeps its current index")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
