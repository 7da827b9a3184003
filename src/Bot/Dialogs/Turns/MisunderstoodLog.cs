using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;

namespace SupportBot.Bot.Dialogs.Turns;

/// <summary>Keeps, masked, the messages the bot could not route, for <c>dialogs misunderstood</c>.</summary>
internal static class MisunderstoodLog
{
    public static async Task RecordAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = TranscriptMasker.Mask((turn.Activity.Text ?? "").Trim(), turn.PersonalValues);
        if (text.Length == 0)
        {
            return;
        }

        var db = turn.Services.GetRequiredService<DirectoryDbContext>();
        db.MisunderstoodMessages.Add(new MisunderstoodMessage
        {
            Channel = turn.Activity.ChannelId ?? "inconnu",
            Text = text.Length > MisunderstoodMessage.MaxLength ? text[..MisunderstoodMessage.MaxLength] : text,
            At = turn.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
