using System.Globalization;
using System.Text;
using System.Text.Json;
using SupportBot.AccountDirectory.Channels;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Direct Line conversations and their activities in the directory's database, so that a page reload or a service
/// restart replays the history from a watermark. The watermark is the sequence number of the last activity returned.
/// Two implementations of one contract (<c>DirectLineConversationStoreContractTests</c>): EF Core for any provider, and
/// plain prepared SQL on the embedded SQLite file, where a Direct Line turn spends most of its time.
/// </summary>
internal interface IDirectLineConversationStore
{
    Task<ChannelConversation> CreateAsync(string userId, CancellationToken cancellationToken);

    Task<ChannelConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="count"/> activities in order in one transaction and returns the sequence number of the first.
    /// <paramref name="render"/> gives the JSON stored for the activity at an index, once its id (<c>conversationId|0000001</c>)
    /// is known. Safe across instances: the numbers are claimed by an UPDATE of the conversation's row (LastSequence +
    /// count) in the transaction that inserts the activities, so a second appender waits for the first to commit and
    /// claims the numbers after its own (SQLite: BEGIN IMMEDIATE holds the file's write lock; SQL Server: the UPDATE holds
    /// the row's exclusive lock until the commit), and a reader never sees number 7 before 6.
    /// </summary>
    /// <exception cref="DirectLineConversationGoneException">The conversation no longer exists (the retention purge).</exception>
    Task<int> AppendAsync(string conversationId, int count, Func<int, string, string> render, CancellationToken cancellationToken);

    /// <summary>The activities after <paramref name="watermark"/>, oldest first, as stored JSON, and the new watermark.</summary>
    Task<ActivityPage> ReadAsync(string conversationId, int watermark, CancellationToken cancellationToken);
}

/// <summary>The conversation was deleted (the retention purge) while a client still held its token.</summary>
internal sealed class DirectLineConversationGoneException(string conversationId)
    : Exception($"The Direct Line conversation « {conversationId} » does not exist.");

/// <summary>Activities as stored (each a JSON object), and the watermark after the last.</summary>
internal sealed record ActivityPage(IReadOnlyList<string> Activities, int Watermark)
{
    /// <summary><c>{"activities":[...],"watermark":"N"}</c>, the stored JSON written as is.</summary>
    public byte[] ToUtf8Json()
    {
        var text = new StringBuilder(64 + Activities.Sum(a => a.Length + 1));
        text.Append("{\"activities\":[");
        for (var i = 0; i < Activities.Count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(Activities[i]);
        }

        text.Append("],\"watermark\":\"").Append(Watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

internal static class DirectLineActivityIds
{
    public const string ChannelId = "directline";

    // Activities are served inside {"activities":[...]} and System.Text.Json writes at most 64 levels: a stored activity
    // deeper than this cannot be served, whatever wrote it (before issue 15, a client could).
    private const int MaxStoredDepth = 60;

    public static string For(string conversationId, int sequence) =>
        $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>The watermark the client sent: a number, or absent/-/garbage meaning "from the start".</summary>
    public static int ParseWatermark(string? watermark) =>
        int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>Whether stored JSON can be served: one object, well-formed, at most 60 levels deep (read without building it).</summary>
    public static bool IsServable(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = MaxStoredDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
