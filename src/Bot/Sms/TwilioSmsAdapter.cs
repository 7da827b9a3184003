using SupportBot.AccountDirectory.Validation;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio's incoming-message form and the typed <see cref="Activity"/>: the form's MessageSid, From and Body read and
/// bounded, a parent's text as the bot's message activity, and the bot's replies as the one SMS answered in TwiML.
/// https://www.twilio.com/docs/messaging/guides/webhook-request
/// </summary>
internal static class TwilioSmsAdapter
{
    public const string ChannelId = "sms";

    // Twilio's are 34 and at most 16 characters; the columns hold 64 and 32.
    private const int MaxSidLength = 64;
    private const int MaxFromLength = 32;

    /// <summary>The message Twilio posted, its sender's number in E.164 when it is a phone's; or why it cannot be read (a 400's message).</summary>
    public static (IncomingSms? Sms, string? Problem) Read(IFormCollection form, int maxBodyLength)
    {
        var sid = form["MessageSid"].FirstOrDefault();
        var fromRaw = form["From"].FirstOrDefault();
        var body = form["Body"].FirstOrDefault();
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(fromRaw) || body is null)
        {
            return (null, "MessageSid, From and Body are required.");
        }

        if (body.Length > maxBodyLength)
        {
            return (null, $"Body is longer than {maxBodyLength} characters.");
        }

        var from = MobilePhones.TryNormalize(fromRaw, out var e164) ? e164 : fromRaw.Trim();
        return sid.Length > MaxSidLength || from.Length is 0 or > MaxFromLength
            ? (null, $"MessageSid is at most {MaxSidLength} characters, From 1 to {MaxFromLength}.")
            : (new IncomingSms(sid, from, body), null);
    }

    /// <param name="text">What the bot reads: the parent's body, or the word a carrier keyword stands for.</param>
    public static Activity ToActivity(IncomingSms sms, string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = sms.Sid,
        ChannelId = ChannelId,
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount(sms.From, Role: "user"),
        Recipient = new ChannelAccount("supportbot", Role: "bot"),
        Text = text,
        TextFormat = "plain",
        Locale = "fr-FR",
    };

    /// <summary>The bot's messages of one turn joined into the one SMS answered, GSM-7 friendly.</summary>
    public static string ReplyText(IReadOnlyList<Activity> replies) => string.Join("\n\n", replies
        .Where(r => r.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(r.Text))
        .Select(r => SmsText.ToGsmFriendly(r.Text!.Trim())));
}

/// <summary>One message Twilio posted: its sid, its sender (E.164 when a phone's), its text.</summary>
internal sealed record IncomingSms(string Sid, string From, string Body);
